import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: QuotaReading {
    public func quotaUsage(day: PacificDay) async throws -> [String: Int] {
        let rows = try await rows("SELECT project, units FROM quota_usage WHERE day = \(day.description)")
        var usage: [String: Int] = [:]
        for row in rows {
            let (project, units) = try row.decode((String, Int32).self)
            usage[project] = max(usage[project] ?? 0, Int(units))
        }
        return usage
    }

    /// Running runs whose newest attempt record failed with `quota`.
    public func runsWaitingForQuota() async throws -> [RunRecord] {
        try await runRecords(
            """
            SELECT \(unescaped: PostgresRunRow.columns) FROM runs WHERE status = 'running' AND (
              SELECT a.failure_kind FROM step_attempts a WHERE a.run_id = runs.id ORDER BY a.id DESC LIMIT 1
            ) = 'quota' ORDER BY created_at, id
            """)
    }
}
