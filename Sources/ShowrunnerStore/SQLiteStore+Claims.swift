import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: QueuedRunClaims {
    /// One write transaction: SQLite has one writer, so two claimers are serialized. An `exclusive` account's fired
    /// run is passed over while another of its runs is active or an older fired run of it is queued.
    public func claimQueuedRuns(
        accountIDs: [String], exclusive: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
    {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let stale = staleBefore.millisecondsSince1970
        return try await writer.write { db in
            var rows = try RunRow.filter { $0.status == RunStatus.queued.rawValue }
                .filter(accountIDs.contains(RunRow.Columns.accountID))
                .filter(RunRow.Columns.ownerHost == nil || RunRow.Columns.heartbeatAt < stale)
                .filter(sql: Self.notBlockedSQL, arguments: [Self.jsonList(exclusive), stale])
                .order(RunRow.Columns.createdAt, RunRow.Columns.id)
                .limit(limit)
                .fetchAll(db)
            for index in rows.indices {
                rows[index].owner = owner
                try rows[index].update(db)
            }
            return rows.map(\.record)
        }
    }

    public func releaseQueuedRuns(ids: [String], ownerHost: String) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE runs SET owner_host = NULL, owner_pid = NULL, heartbeat_at = NULL
                    WHERE id IN (SELECT value FROM json_each(?)) AND status = 'queued' AND owner_host = ?
                    """, arguments: [Self.jsonList(ids), ownerHost])
        }
    }

    /// The PostgreSQL store's exclusive-account condition over `runs` (the accounts as a JSON list, then the
    /// stale instant).
    static let notBlockedSQL = """
        NOT (runs.account_id IN (SELECT value FROM json_each(?)) AND runs."trigger" IN ('schedule', 'catch_up')
          AND EXISTS (
            SELECT 1 FROM runs o
            WHERE o.account_id = runs.account_id AND o.status IN ('queued', 'running') AND o.id <> runs.id
              AND (o.status = 'running' OR (o.owner_host IS NOT NULL AND o.heartbeat_at >= ?)
                OR (o."trigger" IN ('schedule', 'catch_up') AND (o.created_at, o.id) < (runs.created_at, runs.id)))))
        """

    static func jsonList(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
