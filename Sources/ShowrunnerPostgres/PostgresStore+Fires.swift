import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: ClusterFireRecording {
    /// The advisory lock class of an account's overlap decisions (the second key is the account id's hash).
    static let overlapLockClass: Int32 = 0x5352_4F56

    /// One transaction: the accounts subject to `overlap` are locked (advisory locks, in key order, so nodes
    /// never deadlock), their queued and running runs counted, then the runs or their `skipped` records inserted
    /// in one statement.
    public func insertRuns(
        _ runs: [RunRecord], overlap: [Schedule.OverlapPolicy?], staleBefore: Date
    ) async throws -> [RunRecord?] {
        let subject = Array(Set(zip(runs, overlap).compactMap { $1 == nil ? nil : $0.accountID })).sorted()
        return try await transaction { connection in
            var active: [String: (running: Int, waiting: Int)] = [:]
            if !subject.isEmpty {
                active = try await lockAndCount(subject, staleBefore: staleBefore, on: connection)
            }
            var records: [RunRecord] = []
            for (run, policy) in zip(runs, overlap) {
                let record = policy.map { Self.decided(run, policy: $0, active: active[run.accountID]) } ?? run
                records.append(record)
                if record.status == .queued { active[run.accountID, default: (0, 0)].waiting += 1 }
            }
            let ids = try await PostgresRunRow.insert(records, on: connection, logger: logger)
            let recorded = records.map { ids.contains($0.id) ? $0 : nil }
            if recorded.contains(where: { $0?.status == .queued }) {
                _ = try await connection.rows("SELECT pg_notify('showrunner_runs', '')", logger: logger)
            }
            return recorded
        }
    }

    /// Takes the accounts' overlap locks (held to the end of the transaction), then counts their active runs:
    /// running ones and queued ones claimed by a live owner (starting) as running, other queued ones as waiting.
    private func lockAndCount(
        _ accountIDs: [String], staleBefore: Date, on connection: PostgresConnection
    ) async throws -> [String: (running: Int, waiting: Int)] {
        _ = try await connection.rows(
            """
            SELECT pg_advisory_xact_lock(\(Self.overlapLockClass), k)
            FROM (SELECT DISTINCT hashtext(a) AS k FROM unnest(\(accountIDs)::text[]) AS a ORDER BY k) AS keys
            """, logger: logger)
        let stale = staleBefore.millisecondsSince1970
        let rows = try await connection.rows(
            """
            SELECT account_id,
              COUNT(*) FILTER (WHERE status = 'running' OR (owner_host IS NOT NULL AND heartbeat_at >= \(stale))),
              COUNT(*) FILTER (WHERE status = 'queued' AND (owner_host IS NULL OR heartbeat_at < \(stale)))
            FROM runs WHERE account_id = ANY(\(accountIDs)) AND status IN ('queued', 'running')
            GROUP BY account_id
            """, logger: logger)
        var counts: [String: (running: Int, waiting: Int)] = [:]
        for row in rows {
            let (account, running, waiting) = try row.decode((String, Int64, Int64).self)
            counts[account] = (Int(running), Int(waiting))
        }
        return counts
    }

    /// `run` as the overlap decision leaves it: queued, or the fire's `skipped` record (finished when created).
    static func decided(
        _ run: RunRecord, policy: Schedule.OverlapPolicy, active: (running: Int, waiting: Int)?
    ) -> RunRecord {
        let (running, waiting) = active ?? (0, 0)
        guard OverlapDecision.decide(policy, running: running, waiting: waiting) == .skip else { return run }
        var skipped = run
        skipped.status = .skipped
        skipped.reason = OverlapDecision.skipReason(policy, waiting: waiting)
        skipped.finishedAt = run.createdAt
        skipped.owner = nil
        return skipped
    }
}
