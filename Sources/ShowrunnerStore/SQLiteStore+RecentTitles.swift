import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: RecentTitles {
    /// Reads the `title` outputs of succeeded and reused attempts in one query: the account's runs that produced a
    /// title are ranked newest first (creation time, then id, as history pages are), the first `limit` of them are
    /// kept, and their titles come back in run order, then in the order the attempts were recorded.
    public func recentTitles(accountID: String, limit: Int) async throws -> [String] {
        guard limit > 0 else { return [] }
        let titles = try await writer.read { db in
            try String.fetchAll(db, sql: Self.recentTitlesSQL, arguments: [accountID, limit])
        }
        var seen: Set<String> = []
        return titles.filter { seen.insert($0).inserted }
    }

    private static let recentTitlesSQL = """
        WITH titled AS (
          SELECT a.id AS attempt_id, a.run_id, r.created_at, json_extract(a.outputs, '$.title') AS title
          FROM runs r JOIN step_attempts a ON a.run_id = r.id
          WHERE r.account_id = ?1
            AND a.status IN ('succeeded', 'reused')
            AND json_type(a.outputs, '$.title') = 'text'
            AND trim(json_extract(a.outputs, '$.title')) <> ''
        ),
        recent AS (
          SELECT DISTINCT run_id, created_at FROM titled ORDER BY created_at DESC, run_id DESC LIMIT ?2
        )
        SELECT titled.title FROM titled JOIN recent USING (run_id)
        ORDER BY recent.created_at DESC, recent.run_id DESC, titled.attempt_id
        """
}
