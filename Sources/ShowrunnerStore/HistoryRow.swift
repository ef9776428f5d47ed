import GRDB
import ShowrunnerCore

/// A row of the `job_history` view: a run and its attempt counts.
struct HistoryRow: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "job_history"
    typealias Columns = RunRow.Columns

    var run: RunRow
    var attempts: Int
    var failedAttempts: Int

    init(row: Row) throws {
        run = try RunRow(row: row)
        attempts = row["attempt_count"]
        failedAttempts = row["failed_attempt_count"]
    }

    var entry: RunHistoryEntry {
        RunHistoryEntry(run: run.record, attempts: attempts, failedAttempts: failedAttempts)
    }

    /// One page of `query`, newest first (by creation time, then id); the indexes on `runs` serve it in order.
    static func page(_ query: RunQuery, _ db: Database) throws -> QueryInterfaceRequest<HistoryRow> {
        var request = all()
        if let accountID = query.accountID {
            request = request.filter { $0.accountID == accountID }
        }
        if let status = query.status {
            request = request.filter { $0.status == status.rawValue }
        }
        if let trigger = query.trigger {
            request = request.filter { $0.trigger == trigger.rawValue }
        }
        if let from = query.createdFrom {
            request = request.filter { $0.createdAt >= from.millisecondsSince1970 }
        }
        if let until = query.createdUntil {
            request = request.filter { $0.createdAt < until.millisecondsSince1970 }
        }
        if let before = query.before {
            guard let cursor = try RunRow.fetchOne(db, key: before) else { throw StoreError.runNotFound(before) }
            request = request.filter(literal: "(created_at, id) < (\(cursor.createdAt), \(cursor.id))")
        }
        return request.order { [$0.createdAt.desc, $0.id.desc] }.limit(max(0, query.limit))
    }
}
