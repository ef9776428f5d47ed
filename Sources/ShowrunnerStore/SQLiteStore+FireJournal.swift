import Foundation
import GRDB
import ShowrunnerCore

/// The fires of one instant in two writes: narrow rows in `fire_journal` first (the fire is then durably recorded
/// and its run may start), their `runs` rows next, queued on the same serial writer before any write a started run
/// makes. 1,000 journal rows commit in a few milliseconds where 1,000 `runs` rows with their indexes take 12–17.
extension SQLiteStore {
    /// The columns both tables share, in one order.
    private static let journalColumns = """
        id, account_id, pipeline, "trigger", scheduled_at, status, config_revision, created_at, owner_host, \
        owner_pid, heartbeat_at
        """

    /// Whether `runs` go through the journal: several new scheduled fires, nothing else.
    static func journals(_ runs: [RunRecord]) -> Bool {
        runs.count > 1 && runs.allSatisfy(isNewFire)
    }

    private static func isNewFire(_ run: RunRecord) -> Bool {
        let fire = run.trigger == .schedule || run.trigger == .catchUp
        let untouched = run.retryOf == nil && run.reason == nil && run.startedAt == nil && run.finishedAt == nil
        return fire && run.scheduledAt != nil && run.status == .queued && untouched
    }

    /// Records `runs` in the journal (false where the fire already has a run) and queues their move into `runs`.
    func journalRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        var ids: Set<String> = []
        for run in runs where !ids.insert(run.id).inserted { throw StoreError.duplicateRunID(run.id) }
        let rows = runs.map(RunRow.init)
        let recorded = try await writer.write { db in
            try Self.moveJournalIntoRuns(db)  // what a failed move left, so that a fire is never in both tables
            return try rows.map { try Self.journal($0, db) }
        }
        writer.asyncWrite({ db in try Self.moveJournalIntoRuns(db) }, completion: { _, _ in })
        return recorded
    }

    private static func journal(_ row: RunRow, _ db: Database) throws -> Bool {
        let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [row.id])
        if taken == true { throw StoreError.duplicateRunID(row.id) }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO fire_journal (\(journalColumns))
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (
                  SELECT 1 FROM runs WHERE account_id = ? AND scheduled_at = ? AND "trigger" IN ('schedule', 'catch_up'))
                ON CONFLICT DO NOTHING
                """)
        try statement.execute(arguments: [
            row.id, row.accountID, row.pipeline, row.trigger.rawValue, row.scheduledAt, row.status.rawValue,
            row.configRevision, row.createdAt, row.ownerHost, row.ownerPID, row.heartbeatAt, row.accountID,
            row.scheduledAt,
        ])
        return db.changesCount == 1
    }

    /// Moves every journaled fire into `runs` (a fire that has a run there by now keeps that one). Runs after each
    /// journal write and when the store opens, so a fire recorded just before a crash is a `queued` run after it.
    static func moveJournalIntoRuns(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO runs (\(journalColumns))
                SELECT \(journalColumns) FROM fire_journal WHERE true
                ON CONFLICT (account_id, scheduled_at) WHERE "trigger" IN ('schedule', 'catch_up') DO NOTHING
                """
        ).execute()
        try db.cachedStatement(sql: "DELETE FROM fire_journal").execute()
    }

    /// The `runs` row of `id` inside a write, moving the journal first when the run is not there yet: a move that
    /// failed (a full disk) is made by the first write of one of its runs once the store works again.
    static func writableRun(id: String, _ db: Database) throws -> RunRow? {
        if let row = try RunRow.fetchOne(db, key: id) { return row }
        try moveJournalIntoRuns(db)
        return try RunRow.fetchOne(db, key: id)
    }

    /// A run still in the journal (its move into `runs` is queued), as `run(id:)` reads it.
    static func journaledRun(id: String, _ db: Database) throws -> RunRow? {
        try RunRow.fetchOne(
            db,
            sql: """
                SELECT \(journalColumns), NULL AS reason, NULL AS retry_of, NULL AS started_at, NULL AS finished_at
                FROM fire_journal WHERE id = ?
                """,
            arguments: [id])
    }
}
