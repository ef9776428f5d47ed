import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: TopicStore, RecentTitles {
    public func usedTopics(accountID: String, list: String) async throws -> Set<String> {
        let rows = try await rows(
            "SELECT topic FROM topics_used WHERE account_id = \(accountID) AND list = \(list)")
        return Set(try rows.map { try $0.decode(String.self) })
    }

    /// Marking a topic again (after a reset) records the new run and time.
    public func markTopicUsed(
        accountID: String, list: String, topic: String, runID: String, at date: Date
    )
        async throws
    {
        try await execute(
            """
            INSERT INTO topics_used (account_id, list, topic, run_id, used_at)
            VALUES (\(accountID), \(list), \(topic), \(runID), \(date.millisecondsSince1970))
            ON CONFLICT (account_id, list, topic) DO UPDATE SET run_id = excluded.run_id, used_at = excluded.used_at
            """)
    }

    public func resetTopics(accountID: String, list: String) async throws {
        try await execute("DELETE FROM topics_used WHERE account_id = \(accountID) AND list = \(list)")
    }

    /// The `title` outputs of succeeded and reused attempts of the account's `limit` newest runs that produced
    /// one, newest run first, then in the order the attempts were recorded; without repeats.
    public func recentTitles(accountID: String, limit: Int) async throws -> [String] {
        guard limit > 0 else { return [] }
        let rows = try await rows(
            """
            WITH titled AS (
              SELECT a.id AS attempt_id, a.run_id, r.created_at, a.outputs ->> 'title' AS title
              FROM runs r JOIN step_attempts a ON a.run_id = r.id
              WHERE r.account_id = \(accountID) AND a.status IN ('succeeded', 'reused')
                AND jsonb_typeof(a.outputs -> 'title') = 'string' AND btrim(a.outputs ->> 'title') <> ''
            ),
            recent AS (
              SELECT DISTINCT run_id, created_at FROM titled ORDER BY created_at DESC, run_id DESC LIMIT \(limit)
            )
            SELECT titled.title FROM titled JOIN recent USING (run_id)
            ORDER BY recent.created_at DESC, recent.run_id DESC, titled.attempt_id
            """)
        var seen: Set<String> = []
        return try rows.map { try $0.decode(String.self) }.filter { seen.insert($0).inserted }
    }
}
