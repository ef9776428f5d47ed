import Foundation
import GRDB
import ShowrunnerCore

/// Retention by count, sparing the runs of unfinished uploads.
extension SQLiteStore: RunCountRetention {
    /// The runs of uploads without a video id touched at or after the `?` argument.
    static let unfinishedUploadRuns =
        "SELECT run_id FROM upload_sessions WHERE video_id IS NULL AND run_id IS NOT NULL AND updated_at >= ?"

    public func deleteFinishedRuns(keepingNewest count: Int, uploadsSince: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: """
                    DELETE FROM runs WHERE id IN (
                      SELECT id FROM (
                        SELECT id, ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY created_at DESC, id DESC) AS n
                        FROM runs WHERE status NOT IN ('queued', 'running'))
                      WHERE n > ?)
                      AND id NOT IN (\(Self.unfinishedUploadRuns))
                    """,
                arguments: [max(0, count), uploadsSince.millisecondsSince1970])
            return db.changesCount
        }
    }

    public func runsWithUnfinishedUploads(since date: Date) async throws -> Set<String> {
        try await writer.read { db in
            Set(try String.fetchAll(db, sql: Self.unfinishedUploadRuns, arguments: [date.millisecondsSince1970]))
        }
    }

    public func accounts(ofRuns ids: [String]) async throws -> [String: String] {
        try await writer.read { db in
            var accounts: [String: String] = [:]
            // SQLite allows 32766 variables per statement.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, account_id FROM runs WHERE id IN (\(marks))",
                    arguments: StatementArguments(chunk))
                for row in rows { accounts[row["id"]] = row["account_id"] }
            }
            return accounts
        }
    }
}
