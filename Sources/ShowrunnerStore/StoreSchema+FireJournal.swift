import GRDB

extension StoreSchema {
    /// The fires of one instant, recorded before their runs start and moved into `runs` right after (issue 17
    /// item 3): `runs`' columns with one b-tree, the fire's key, instead of `runs`' eight. A fire is in at most one
    /// of the two tables; the store moves what is left here into `runs` when it opens.
    static func createFireJournal(_ db: Database) throws {
        try db.create(table: "fire_journal", options: [.strict, .withoutRowID]) { t in
            t.column("account_id", .text).notNull()
            t.column("scheduled_at", .integer).notNull()
            t.column("id", .text).notNull()
            t.column("pipeline", .text).notNull()
            t.column("trigger", .text).notNull().check { fireTriggers.contains($0) }
            t.column("status", .text).notNull().check { $0 == "queued" }
            t.column("config_revision", .text)
            t.column("created_at", .integer).notNull()
            t.column("owner_host", .text)
            t.column("owner_pid", .integer)
            t.column("heartbeat_at", .integer)
            t.primaryKey(["account_id", "scheduled_at"])
        }
    }
}
