import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: RecentMedia {
    /// One query over the attempts' outputs, like `recentTitles`: the account's runs whose succeeded or reused
    /// attempts have output `output` are ranked newest first, the first `runs` kept, and each value (a list's
    /// items, or a text) comes back in run order. Nothing new is stored: the outputs are the record.
    public func recentMedia(accountID: String, output: String, runs: Int) async throws -> [String] {
        guard runs > 0, output.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return [] }
        let values = try await writer.read { db in
            try String.fetchAll(db, sql: Self.recentMediaSQL, arguments: [accountID, "$." + output, runs])
        }
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static let recentMediaSQL = """
        WITH used AS (
          SELECT a.id AS attempt_id, a.run_id, r.created_at, a.outputs
          FROM runs r JOIN step_attempts a ON a.run_id = r.id
          WHERE r.account_id = ?1
            AND a.status IN ('succeeded', 'reused')
            AND json_type(a.outputs, ?2) IN ('text', 'array')
        ),
        recent AS (
          SELECT DISTINCT run_id, created_at FROM used ORDER BY created_at DESC, run_id DESC LIMIT ?3
        )
        SELECT item.value FROM used JOIN recent USING (run_id), json_each(used.outputs, ?2) AS item
        WHERE item.type = 'text'
        ORDER BY recent.created_at DESC, recent.run_id DESC, used.attempt_id, item.id
        """
}
