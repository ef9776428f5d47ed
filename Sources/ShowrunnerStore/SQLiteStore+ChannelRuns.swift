import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: ChannelRunsReading {
    /// One read transaction: per account, the newest runs straight from `runs` (index `runs_account_history`, no
    /// attempt counts) and a count over the same index (the status is summed, not filtered: a status condition
    /// would make SQLite pick `runs_status_history` and walk every succeeded run).
    public func channelRuns(accountIDs: [String], recent: Int, since: Date) async throws -> [String: ChannelRuns] {
        let from = since.millisecondsSince1970
        return try await writer.read { db in
            var result: [String: ChannelRuns] = [:]
            let newest = try db.cachedStatement(sql: Self.newestRunsSQL)
            let count = try db.cachedStatement(sql: Self.succeededSinceSQL)
            for id in accountIDs where result[id] == nil {
                let runs = try RunRow.fetchAll(newest, arguments: [id, recent]).map(\.record)
                let succeeded = try Int.fetchOne(count, arguments: [id, from]) ?? 0
                result[id] = ChannelRuns(recent: runs, succeededSince: succeeded)
            }
            return result
        }
    }

    static let newestRunsSQL = """
        SELECT * FROM runs WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
        """

    static let succeededSinceSQL = """
        SELECT COALESCE(SUM(status = 'succeeded'), 0) FROM runs WHERE account_id = ? AND created_at >= ?
        """
}
