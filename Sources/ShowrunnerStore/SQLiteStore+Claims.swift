import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: QueuedRunClaims {
    /// One write transaction: SQLite has one writer, so two claimers are serialized.
    public func claimQueuedRuns(
        accountIDs: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
    {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let stale = staleBefore.millisecondsSince1970
        return try await writer.write { db in
            var rows = try RunRow.filter { $0.status == RunStatus.queued.rawValue }
                .filter(accountIDs.contains(RunRow.Columns.accountID))
                .filter(RunRow.Columns.ownerHost == nil || RunRow.Columns.heartbeatAt < stale)
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
}
