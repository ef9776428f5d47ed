import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: RunCancelRequests {
    /// One transaction: a queued run nobody live owns is cancelled (its row lock orders this against a claim);
    /// otherwise a request is stored and its owner told on the runs channel (payload `cancel`).
    public func requestCancel(runID: String, staleBefore: Date, at date: Date) async throws -> CancelRequestOutcome {
        let now = date.millisecondsSince1970
        return try await transaction { connection in
            let cancelled = try await connection.rows(
                """
                UPDATE runs SET status = 'cancelled', reason = 'cancelled before it started', finished_at = \(now),
                  owner_host = NULL, owner_pid = NULL, heartbeat_at = NULL
                WHERE id = \(runID) AND status = 'queued'
                  AND (owner_host IS NULL OR heartbeat_at < \(staleBefore.millisecondsSince1970))
                RETURNING id
                """, logger: logger)
            guard cancelled.isEmpty else { return .cancelledQueued }
            let requested = try await connection.rows(
                """
                INSERT INTO run_cancellations (run_id, requested_at)
                SELECT id, \(now) FROM runs WHERE id = \(runID) AND status IN ('queued', 'running')
                ON CONFLICT (run_id) DO UPDATE SET requested_at = excluded.requested_at
                RETURNING run_id
                """, logger: logger)
            guard !requested.isEmpty else { return .notActive }
            _ = try await connection.rows("SELECT pg_notify('showrunner_runs', 'cancel')", logger: logger)
            return .requested
        }
    }

    /// Deletes and returns the requests for `ownerHost`'s runs, and drops those of runs that ended meanwhile.
    public func takeCancelRequests(ownerHost: String) async throws -> [String] {
        let rows = try await rows(
            """
            DELETE FROM run_cancellations c USING runs r
            WHERE c.run_id = r.id AND (r.owner_host = \(ownerHost) OR r.status NOT IN ('queued', 'running'))
            RETURNING c.run_id, r.owner_host = \(ownerHost) AND r.status IN ('queued', 'running')
            """)
        return try rows.compactMap { row in
            let (id, mine) = try row.decode((String, Bool?).self)
            return mine == true ? id : nil
        }
    }
}
