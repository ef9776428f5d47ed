import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: QueuedRunClaims, QueuedRunNotifications {
    /// One statement: the oldest claimable rows are locked `FOR UPDATE SKIP LOCKED` (rows another node is
    /// claiming are passed over, not waited for) and given to `owner`.
    public func claimQueuedRuns(
        accountIDs: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
    {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let claimed = try await rows(
            """
            UPDATE runs SET owner_host = \(owner.host), owner_pid = \(owner.pid),
              heartbeat_at = \(owner.heartbeatAt.millisecondsSince1970)
            WHERE id IN (
              SELECT id FROM runs
              WHERE status = 'queued' AND account_id = ANY(\(accountIDs))
                AND (owner_host IS NULL OR heartbeat_at < \(staleBefore.millisecondsSince1970))
              ORDER BY created_at, id LIMIT \(Int64(limit))
              FOR UPDATE SKIP LOCKED)
            RETURNING \(unescaped: PostgresRunRow.columns)
            """)
        return try claimed.map(PostgresRunRow.record).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Holds one pooled connection that `LISTEN`s on `showrunner_runs` (inserts of runs `NOTIFY` it).
    public func listenForQueuedRuns(_ onQueued: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: "showrunner_runs") { notifications in
                for try await _ in notifications { onQueued() }
            }
        }
    }
}
