import GRDB

extension StoreSchema {
    /// The index of one account's `/api/stats` (finished runs by day); every account's uses `runs_finished`.
    static func createStatsIndexes(_ db: Database) throws {
        try db.create(
            index: "runs_account_finished", on: "runs", columns: ["account_id", "finished_at"],
            condition: Column("finished_at") != nil)
    }
}
