import Foundation
import PostgresNIO
import ShowrunnerCore

/// Retention by count, sparing the runs of unfinished uploads.
extension PostgresStore: RunCountRetention {
    public func deleteFinishedRuns(keepingNewest count: Int, uploadsSince: Date) async throws -> Int {
        let rows = try await rows(
            """
            WITH deleted AS (
              DELETE FROM runs WHERE id IN (
                SELECT id FROM (
                  SELECT id, ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY created_at DESC, id DESC) AS n
                  FROM runs WHERE status NOT IN ('queued', 'running')) ranked
                WHERE n > \(max(0, count)))
                AND id NOT IN (SELECT run_id FROM upload_sessions WHERE video_id IS NULL AND run_id IS NOT NULL
                  AND updated_at >= \(uploadsSince.millisecondsSince1970))
              RETURNING 1)
            SELECT COUNT(*) FROM deleted
            """)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }

    public func runsWithUnfinishedUploads(since date: Date) async throws -> Set<String> {
        let rows = try await rows(
            """
            SELECT run_id FROM upload_sessions WHERE video_id IS NULL AND run_id IS NOT NULL
              AND updated_at >= \(date.millisecondsSince1970)
            """)
        return Set(try rows.map { try $0.decode(String.self) })
    }

    public func accounts(ofRuns ids: [String]) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await rows("SELECT id, account_id FROM runs WHERE id = ANY(\(ids))")
        var accounts: [String: String] = [:]
        for row in rows {
            let (id, account) = try row.decode((String, String).self)
            accounts[id] = account
        }
        return accounts
    }
}
