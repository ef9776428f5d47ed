import Foundation
import GRDB
import ShowrunnerCore

/// A row of `account_state`.
struct AccountStateRow: Encodable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account_state"

    var accountID: String
    var paused: Bool
    var pauseReason: String?
    var removedUntilChange: String?
    var consecutiveFailures: Int
    var lastFireAt: Int64?
    var authFlag: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case paused
        case accountID = "account_id"
        case pauseReason = "pause_reason"
        case removedUntilChange = "removed_until_change"
        case consecutiveFailures = "consecutive_failures"
        case lastFireAt = "last_fire_at"
        case authFlag = "auth_flag"
    }

    init(_ state: AccountState) {
        accountID = state.accountID
        paused = state.paused
        pauseReason = state.paused ? state.pauseReason : nil
        removedUntilChange = state.removedUntilChange
        consecutiveFailures = state.consecutiveFailures
        lastFireAt = state.lastFireAt?.millisecondsSince1970
        authFlag = state.authFlag
    }

    /// Read by column name, not through `Codable` (a thousand rows at one instant, `recordFires`).
    init(row: Row) {
        accountID = row["account_id"]
        paused = row["paused"]
        pauseReason = row["pause_reason"]
        removedUntilChange = row["removed_until_change"]
        consecutiveFailures = row["consecutive_failures"]
        lastFireAt = row["last_fire_at"]
        authFlag = row["auth_flag"]
    }

    var state: AccountState {
        AccountState(
            accountID: accountID, paused: paused, pauseReason: pauseReason, removedUntilChange: removedUntilChange,
            consecutiveFailures: consecutiveFailures, lastFireAt: lastFireAt.map(Date.init(millisecondsSince1970:)),
            authFlag: authFlag)
    }
}
