import GRDB

/// A row of `topics_used`: one topic of one list that an account has used.
struct TopicUseRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "topics_used"

    var accountID: String
    var list: String
    var topic: String
    var runID: String?
    var usedAt: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case list, topic
        case accountID = "account_id"
        case runID = "run_id"
        case usedAt = "used_at"
    }
    typealias Columns = CodingKeys
}
