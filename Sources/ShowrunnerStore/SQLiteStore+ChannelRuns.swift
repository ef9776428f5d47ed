import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: ChannelRunsReading {
    /// One read transaction: per account, the newest runs straight from `runs` (index `runs_account_history`, no
    /// attempt counts, no owner) and a count over the same index (the status is summed, not filtered: a status condition
    /// would make SQLite pick `runs_status_history` and walk every succeeded run).
    public func channelRuns(accountIDs: [String], recent: Int, since: Date) async throws -> [String: ChannelRuns] {
        let from = since.millisecondsSince1970
        return try await writer.read { db in
            var result: [String: ChannelRuns] = [:]
            let newest = try db.cachedStatement(sql: Self.newestRunsSQL)
            let count = try db.cachedStatement(sql: Self.succeededSinceSQL)
            for id in accountIDs where result[id] == nil {
                var runs: [RunRecord] = []
                let cursor = try Row.fetchCursor(newest, arguments: [id, recent])
                while let row = try cursor.next() { if let run = Self.channelRun(row) { runs.append(run) } }
                let succeeded = try Int.fetchOne(count, arguments: [id, from]) ?? 0
                result[id] = ChannelRuns(recent: runs, succeededSince: succeeded)
            }
            return result
        }
    }

    static let newestRunsSQL = """
        SELECT id, account_id, pipeline, "trigger", scheduled_at, status, reason, config_revision, retry_of,
          created_at, started_at, finished_at
        FROM runs WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
        """

    /// A row of `newestRunsSQL` read by position, not through `Codable` (which cost more than the query); the
    /// owner is left out (the page does not show it).
    static func channelRun(_ row: Row) -> RunRecord? {
        guard let trigger = RunTrigger(rawValue: row[3]), let status = RunStatus(rawValue: row[5]) else { return nil }
        let date = { (index: Int) in (row[index] as Int64?).map(Date.init(millisecondsSince1970:)) }
        return RunRecord(
            id: row[0], accountID: row[1], pipeline: row[2], trigger: trigger, scheduledAt: date(4), status: status,
            reason: row[6], configRevision: row[7], retryOf: row[8],
            createdAt: Date(millisecondsSince1970: row[9]), startedAt: date(10), finishedAt: date(11))
    }

    static let succeededSinceSQL = """
        SELECT COALESCE(SUM(status = 'succeeded'), 0) FROM runs WHERE account_id = ? AND created_at >= ?
        """
}
