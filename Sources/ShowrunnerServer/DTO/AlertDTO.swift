import Hummingbird
import ShowrunnerCore

/// One alert delivery: event, account, run, masked receiver, status, attempts, last error.
struct AlertDTO: Encodable {
    let delivery: AlertDelivery

    enum CodingKeys: String, CodingKey {
        case id, event, target, format, receiver, status, attempts
        case accountID = "account_id", runID = "run_id", lastError = "last_error", createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(delivery.id, forKey: .id)
        try container.encode(delivery.event.rawValue, forKey: .event)
        try container.encode(delivery.accountID, forKey: .accountID)
        try container.encode(delivery.runID, forKey: .runID)
        try container.encode(delivery.target, forKey: .target)
        try container.encode(delivery.format.rawValue, forKey: .format)
        try container.encode(delivery.receiver, forKey: .receiver)
        try container.encode(delivery.status.rawValue, forKey: .status)
        try container.encode(delivery.attempts, forKey: .attempts)
        try container.encode(delivery.lastError, forKey: .lastError)
        try container.encode(delivery.createdAt, forKey: .createdAt)
        try container.encode(delivery.updatedAt, forKey: .updatedAt)
    }
}

struct AlertListDTO: ResponseEncodable {
    let alerts: [AlertDTO]
}
