/// The old system's database read as rows of text, whatever holds it (SQLite or PostgreSQL): each row maps a
/// lowercased column name to its value as text, NULL left out. The importer reads accounts and jobs through it, so
/// both databases go through the same column spellings and the same translation.
public protocol LegacyRowSource: Sendable {
    /// The first of `tables` that exists; nil when none does.
    func firstTable(of tables: [String]) async throws -> String?
    /// Every row of `table`, by `id` ascending when it has one.
    func rows(of table: String) async throws -> [[String: String]]
}

/// The table names SQLAlchemy gives the old models, in the order the importer tries them.
public enum LegacySchema {
    public static let accountTables = ["accounts", "account"]
    public static let jobTables = ["job_history", "jobhistory", "job_histories"]
}

extension LegacyRowSource {
    /// The table of the `Account` model, or nil.
    public func accountTable() async throws -> String? { try await firstTable(of: LegacySchema.accountTables) }

    /// Every `Account` row, oldest id first (none without the table).
    public func accounts() async throws -> [LegacyAccount] {
        guard let table = try await accountTable() else { return [] }
        return try await rows(of: table).map(LegacyAccount.init(columns:))
    }

    /// Every `JobHistory` row, oldest first (none without the table).
    public func jobs() async throws -> [LegacyJob] {
        guard let table = try await firstTable(of: LegacySchema.jobTables) else { return [] }
        return try await rows(of: table).map(LegacyJob.init(columns:))
    }
}
