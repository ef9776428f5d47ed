import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: ChannelRunsReading {
    /// Two statements for the whole page: each account's newest runs (a lateral read of index
    /// `runs_account_history` per account) and the succeeded counts since `since`, grouped by account.
    public func channelRuns(accountIDs: [String], recent: Int, since: Date) async throws -> [String: ChannelRuns] {
        var ids: [String] = []
        for id in accountIDs where !ids.contains(id) { ids.append(id) }
        var result = Dictionary(uniqueKeysWithValues: ids.map { ($0, ChannelRuns(recent: [], succeededSince: 0)) })
        guard !ids.isEmpty else { return result }
        let newest = try await runRecords(
            """
            SELECT \(unescaped: PostgresRunRow.columns("r")) FROM unnest(\(ids)::text[]) AS page(account_id)
              CROSS JOIN LATERAL (
                SELECT * FROM runs WHERE runs.account_id = page.account_id
                ORDER BY created_at DESC, id DESC LIMIT \(max(0, recent))
              ) AS r
            ORDER BY r.account_id, r.created_at DESC, r.id DESC
            """)
        for run in newest { result[run.accountID]?.recent.append(run) }
        let counts = try await rows(
            """
            SELECT account_id, COUNT(*) FROM runs
            WHERE account_id = ANY(\(ids)) AND created_at >= \(since.millisecondsSince1970) AND status = 'succeeded'
            GROUP BY account_id
            """)
        for row in counts {
            let (account, count) = try row.decode((String, Int64).self)
            result[account]?.succeededSince = Int(count)
        }
        return result
    }
}
