import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: QueuedRunClaims, QueuedRunNotifications {
    /// One statement: the oldest claimable rows are locked `FOR UPDATE SKIP LOCKED` (rows another node is
    /// claiming are passed over, not waited for) and given to `owner`. An `exclusive` account's fired run waits
    /// while another of its runs is active or an older fired run of it is queued (index `runs_active_account`):
    /// two claimers passing over each other's locked rows still never start two of them.
    public func claimQueuedRuns(
        accountIDs: [String], exclusive: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
    {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let stale = staleBefore.millisecondsSince1970
        let claimed = try await rows(
            """
            UPDATE runs SET owner_host = \(owner.host), owner_pid = \(owner.pid),
              heartbeat_at = \(owner.heartbeatAt.millisecondsSince1970)
            WHERE id IN (
              SELECT r.id FROM runs r
              WHERE r.status = 'queued' AND r.account_id = ANY(\(accountIDs))
                AND (r.owner_host IS NULL OR r.heartbeat_at < \(stale))
                AND NOT (r.account_id = ANY(\(exclusive)) AND r."trigger" IN ('schedule', 'catch_up') AND EXISTS (
                  SELECT 1 FROM runs o
                  WHERE o.account_id = r.account_id AND o.status IN ('queued', 'running') AND o.id <> r.id
                    AND (o.status = 'running' OR (o.owner_host IS NOT NULL AND o.heartbeat_at >= \(stale))
                      OR (o."trigger" IN ('schedule', 'catch_up') AND (o.created_at, o.id) < (r.created_at, r.id)))))
              ORDER BY r.created_at, r.id LIMIT \(Int64(limit))
              FOR UPDATE OF r SKIP LOCKED)
            RETURNING \(unescaped: PostgresRunRow.columns)
            """)
        return try claimed.map(PostgresRunRow.record).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Holds one pooled connection that `LISTEN`s on `showrunner_runs` (inserts of runs and cancel requests
    /// `NOTIFY` it).
    public func listenForQueuedRuns(_ onNotice: @escaping @Sendable (String) -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: "showrunner_runs") { notifications in
                for try await notification in notifications { onNotice(notification.payload) }
            }
        }
    }

    /// Clears the owner of the runs still queued under `ownerHost` and tells the other nodes.
    public func releaseQueuedRuns(ids: [String], ownerHost: String) async throws {
        guard !ids.isEmpty else { return }
        try await transaction { connection in
            _ = try await connection.rows(
                """
                UPDATE runs SET owner_host = NULL, owner_pid = NULL, heartbeat_at = NULL
                WHERE id = ANY(\(ids)) AND status = 'queued' AND owner_host = \(ownerHost)
                """, logger: logger)
            _ = try await connection.rows("SELECT pg_notify('showrunner_runs', '')", logger: logger)
        }
    }
}
