import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// An account with its status, last good revision and diagnostics.
struct AccountDTO: ResponseEncodable {
    let account: AccountStatus

    enum CodingKeys: String, CodingKey {
        case id, name, file, enabled, valid, scheduled, paused, diagnostics
        case pauseReason = "pause_reason"
        case authFlag = "auth_flag"
        case lastGoodRevision = "last_good_revision"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account.id, forKey: .id)
        try container.encode(account.name, forKey: .name)
        try container.encode(account.file, forKey: .file)
        try container.encode(account.enabled, forKey: .enabled)
        try container.encode(account.valid, forKey: .valid)
        try container.encode(account.scheduled, forKey: .scheduled)
        try container.encode(account.paused, forKey: .paused)
        try container.encode(account.pauseReason, forKey: .pauseReason)
        try container.encode(account.authFlag, forKey: .authFlag)
        try container.encode(account.lastGoodRevision, forKey: .lastGoodRevision)
        try container.encode(account.diagnostics.map(DiagnosticDTO.init), forKey: .diagnostics)
    }
}

struct AccountListDTO: ResponseEncodable {
    let accounts: [AccountDTO]
}
