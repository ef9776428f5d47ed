import GRDB

extension StoreSchema {
    /// What a restarted daemon needs to resend a pending alert: the rendered body, the receiver's name in the
    /// config (never its URL or secret) and the sending process; status `abandoned` for a receiver gone from the
    /// config. SQLite cannot change a CHECK, so the table is rebuilt; deliveries left pending before this version
    /// cannot be resent (no body was kept) and become abandoned.
    static func addAlertResend(_ db: Database) throws {
        try db.create(table: "alert_deliveries_new", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("event", .text).notNull()
            t.column("account_id", .text)
            t.column("run_id", .text)
            t.column("target", .text).notNull()
            t.column("format", .text).notNull()
            t.column("receiver", .text)
            t.column("payload", .text)
            t.column("owner", .text)
            t.column("status", .text).notNull()
                .check { ["pending", "delivered", "failed", "abandoned"].contains($0) }
            t.column("attempts", .integer).notNull().check { $0 >= 0 }
            t.column("last_error", .text)
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
        }
        try db.execute(
            sql: """
                INSERT INTO alert_deliveries_new
                (id, event, account_id, run_id, target, format, status, attempts, last_error, created_at, updated_at)
                SELECT id, event, account_id, run_id, target, format,
                CASE status WHEN 'pending' THEN 'abandoned' ELSE status END, attempts,
                CASE status WHEN 'pending' THEN 'left pending by a version that kept no body to resend'
                ELSE last_error END, created_at, updated_at
                FROM alert_deliveries
                """)
        try db.drop(table: "alert_deliveries")
        try db.rename(table: "alert_deliveries_new", to: "alert_deliveries")
        try db.create(index: "alert_deliveries_created", on: "alert_deliveries", columns: ["created_at"])
        try db.create(index: "alert_deliveries_pending", on: "alert_deliveries", columns: ["status", "updated_at"])
    }
}
