import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: RunRetention {
    public func run(id: String) async throws -> RunRecord? {
        try await runRecords("SELECT \(unescaped: PostgresRunRow.columns) FROM runs WHERE id = \(id)").first
    }

    public func runningRuns() async throws -> [RunRecord] {
        try await runRecords(
            "SELECT \(unescaped: PostgresRunRow.columns) FROM runs WHERE status = 'running' ORDER BY created_at, id")
    }

    public func latestRunPerAccount() async throws -> [String: RunRecord] {
        let runs = try await runRecords(
            """
            SELECT DISTINCT ON (account_id) \(unescaped: PostgresRunRow.columns) FROM runs
            ORDER BY account_id, created_at DESC, id DESC
            """)
        return Dictionary(uniqueKeysWithValues: runs.map { ($0.accountID, $0) })
    }

    public func lastSuccessPerAccount() async throws -> [String: Date] {
        let rows = try await rows(
            "SELECT account_id, MAX(finished_at) FROM runs WHERE status = 'succeeded' GROUP BY account_id")
        var last: [String: Date] = [:]
        for row in rows {
            let (account, finished) = try row.decode((String, Int64?).self)
            if let finished { last[account] = Date(millisecondsSince1970: finished) }
        }
        return last
    }

    public func retryRun(of runID: String) async throws -> RunRecord? {
        try await runRecords("SELECT \(unescaped: PostgresRunRow.columns) FROM runs WHERE retry_of = \(runID)").first
    }

    public func runsFinished(after position: FinishedRunPosition, limit: Int) async throws -> [RunRecord] {
        let milliseconds = position.finishedAt.millisecondsSince1970
        return try await runRecords(
            """
            SELECT \(unescaped: PostgresRunRow.columns) FROM runs
            WHERE finished_at > \(milliseconds) OR (finished_at = \(milliseconds) AND id > \(position.runID))
            ORDER BY finished_at, id LIMIT \(max(0, limit))
            """)
    }

    public func deleteFinishedRuns(before date: Date) async throws -> Int {
        let rows = try await rows(
            """
            WITH deleted AS (
              DELETE FROM runs WHERE finished_at < \(date.millisecondsSince1970)
                AND status NOT IN ('queued', 'running') RETURNING 1)
            SELECT COUNT(*) FROM deleted
            """)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }

    func runRecords(_ query: PostgresQuery) async throws -> [RunRecord] {
        try await rows(query).map(PostgresRunRow.record)
    }
}
