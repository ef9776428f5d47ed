import GRDB

/// The store's schema, as one migrator. A migration never changes once released: a new schema is a new
/// migration ("v2", …), and the enum values below are spelled out rather than taken from Core so that v1 stays
/// what it was.
enum StoreSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createRuns(db)
            try createStepAttempts(db)
            try createJobHistory(db)
            try createAccountState(db)
            try createTopicsUsed(db)
            try createUploadSessions(db)
            try createQuotaUsage(db)
        }
        migrator.registerMigration("v2") { db in try createUploadFollowUps(db) }
        migrator.registerMigration("runs_finished_index") { db in
            try db.create(index: "runs_finished", on: "runs", columns: ["finished_at"])
        }
        migrator.registerMigration("caption_follow_ups") { db in try allowCaptionFollowUps(db) }
        migrator.registerMigration("stats_account_finished_index") { db in try createStatsIndexes(db) }
        migrator.registerMigration("alert_deliveries") { db in try createAlertDeliveries(db) }
        migrator.registerMigration("alert_deliveries_resend") { db in try addAlertResend(db) }
        migrator.registerMigration("runs_fire_by_instant") { db in try keyFiresByInstant(db) }
        return migrator
    }()

    static let runStatuses = ["queued", "running", "succeeded", "failed", "cancelled", "missed", "skipped"]
    static let runTriggers = ["schedule", "catch_up", "manual", "retry"]
    /// The triggers of scheduled fires: one run per account and scheduled instant.
    static let fireTriggers = ["schedule", "catch_up"]
    static let attemptStatuses = ["running", "succeeded", "failed", "reused", "skipped"]
    static let failureKinds = ["transient", "rate_limit", "timeout", "quota", "auth", "permanent"]

    /// Brings the database up to date; refuses a database migrated by a newer version.
    static func migrate(_ writer: any DatabaseWriter) throws {
        if try writer.read(migrator.hasBeenSuperseded) {
            throw StoreError.newerSchema(path: writer.path)
        }
        try migrator.migrate(writer)
    }

    /// A CHECK expression that is true when `column` is NULL or holds JSON of the given type (`object`, `array`).
    static func isJSON(_ column: String, _ type: String) -> String {
        "CASE WHEN json_valid(\(column)) THEN json_type(\(column)) = '\(type)' ELSE \(column) IS NULL END"
    }
}

extension TableDefinition {
    /// A named CHECK constraint, so that SQLite's error names the rule that was broken.
    func check(named name: String, _ condition: String) {
        constraint(sql: "CONSTRAINT \(name) CHECK (\(condition))")
    }
}
