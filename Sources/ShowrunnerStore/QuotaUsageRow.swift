import GRDB

/// A row of `quota_usage`: the YouTube API units one quota bucket spent on one Pacific day.
struct QuotaUsageRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "quota_usage"

    var project: String
    /// `YYYY-MM-DD` in America/Los_Angeles.
    var day: String
    var units: Int

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case project, day, units
    }
    typealias Columns = CodingKeys
}
