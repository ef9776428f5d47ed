import GRDB

extension StoreSchema {
    /// Indexes for `/api/stats` (migration v3): finished runs by day, overall and per account.
    static func createStatsIndexes(_ db: Database) throws {
        try db.create(
            index: "runs_finished", on: "runs", columns: ["finished_at", "status"],
            condition: Column("finished_at") != nil)
        try db.create(
            index: "runs_account_finished", on: "runs", columns: ["account_id", "finished_at"],
            condition: Column("finished_at") != nil)
    }
}
