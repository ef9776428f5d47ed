import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: QuotaReading {
    public func quotaUsage(day: PacificDay) async throws -> [String: Int] {
        let dayText = day.description
        return try await writer.read { db in
            let rows = try QuotaUsageRow.filter { $0.day == dayText }.fetchAll(db)
            return Dictionary(rows.map { ($0.project, $0.units) }, uniquingKeysWith: max)
        }
    }

    /// Running runs (index `runs_status_history`) whose newest attempt record failed with `quota`.
    public func runsWaitingForQuota() async throws -> [RunRecord] {
        try await writer.read { db in
            try RunRow.fetchAll(
                db,
                sql: """
                    SELECT runs.* FROM runs WHERE status = 'running' AND (
                      SELECT a.failure_kind FROM step_attempts a WHERE a.run_id = runs.id ORDER BY a.id DESC LIMIT 1
                    ) = 'quota' ORDER BY created_at, id
                    """
            ).map(\.record)
        }
    }
}
