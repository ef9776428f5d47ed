import GRDB

extension StoreSchema {
    /// Alerts sent to webhooks (issue 18): one row per alert and receiver, updated at each attempt.
    static func createAlertDeliveries(_ db: Database) throws {
        try db.create(table: "alert_deliveries", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("event", .text).notNull()
            t.column("account_id", .text)
            t.column("run_id", .text)
            t.column("target", .text).notNull()
            t.column("format", .text).notNull()
            t.column("status", .text).notNull().check { ["pending", "delivered", "failed"].contains($0) }
            t.column("attempts", .integer).notNull().check { $0 >= 0 }
            t.column("last_error", .text)
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
        }
        try db.create(index: "alert_deliveries_created", on: "alert_deliveries", columns: ["created_at"])
    }
}
