import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

/// Copying a SQLite history in (`showrunner store migrate --to URL`): rows that are already here are kept.
extension PostgresStore {
    /// Inserts the run unless a run with its id (or its fire) exists; true when inserted.
    public func importRun(_ run: RunRecord) async throws -> Bool {
        let inserted = try await rows(
            """
            INSERT INTO runs (id, account_id, pipeline, "trigger", scheduled_at, status, reason, config_revision,
              retry_of, created_at, started_at, finished_at, owner_host, owner_pid, heartbeat_at)
            VALUES (\(run.id), \(run.accountID), \(run.pipeline), \(run.trigger.rawValue),
              \(run.scheduledAt?.millisecondsSince1970), \(run.status.rawValue), \(run.reason), \(run.configRevision),
              (SELECT id FROM runs WHERE id = \(run.retryOf)::text), \(run.createdAt.millisecondsSince1970),
              \(run.startedAt?.millisecondsSince1970), \(run.finishedAt?.millisecondsSince1970), \(run.owner?.host),
              \(run.owner?.pid), \(run.owner?.heartbeatAt.millisecondsSince1970))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        return !inserted.isEmpty
    }

    public func importTopicUse(
        accountID: String, list: String, topic: String, runID: String?, usedAt: Date
    ) async throws {
        try await execute(
            """
            INSERT INTO topics_used (account_id, list, topic, run_id, used_at)
            VALUES (\(accountID), \(list), \(topic), (SELECT id FROM runs WHERE id = \(runID)::text),
              \(usedAt.millisecondsSince1970))
            ON CONFLICT DO NOTHING
            """)
    }

    public func importQuotaUsage(project: String, day: String, units: Int) async throws {
        try await execute(
            """
            INSERT INTO quota_usage (project, day, units) VALUES (\(project), \(day), \(Int32(clamping: units)))
            ON CONFLICT (project, day) DO UPDATE SET units = GREATEST(quota_usage.units, excluded.units)
            """)
    }
}
