import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: RecentMedia {
    /// The SQLite store's query over the attempts' JSONB outputs: the account's runs whose succeeded or reused
    /// attempts have output `output` (a text or a list) are ranked newest first, the first `runs` kept, and each
    /// text (a list's items in order) comes back in run order, without repeats.
    public func recentMedia(accountID: String, output: String, runs: Int) async throws -> [String] {
        guard runs > 0, output.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return [] }
        let rows = try await rows(
            """
            WITH used AS (
              SELECT a.id AS attempt_id, a.run_id, r.created_at, a.outputs -> \(output) AS value
              FROM runs r JOIN step_attempts a ON a.run_id = r.id
              WHERE r.account_id = \(accountID) AND a.status IN ('succeeded', 'reused')
                AND jsonb_typeof(a.outputs -> \(output)) IN ('string', 'array')
            ),
            recent AS (
              SELECT DISTINCT run_id, created_at FROM used ORDER BY created_at DESC, run_id DESC LIMIT \(runs)
            )
            SELECT item.v #>> '{}' FROM used JOIN recent USING (run_id)
              CROSS JOIN LATERAL jsonb_array_elements(
                CASE WHEN jsonb_typeof(used.value) = 'array' THEN used.value ELSE jsonb_build_array(used.value) END
              ) WITH ORDINALITY AS item(v, n)
            WHERE jsonb_typeof(item.v) = 'string'
            ORDER BY recent.created_at DESC, recent.run_id DESC, used.attempt_id, item.n
            """)
        var seen: Set<String> = []
        return try rows.map { try $0.decode(String.self) }.filter { seen.insert($0).inserted }
    }
}
