import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Migration alert_deliveries_resend on a database that had alert deliveries before it.
struct AlertResendMigrationTests {
    @Test func deliveriesKeepTheirHistoryAndOnesLeftPendingWithoutABodyAreAbandoned() async throws {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue, upTo: "alert_deliveries")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alert_deliveries (id, event, target, format, status, attempts, created_at, updated_at)
                    VALUES ('sent', 'run_failed', 'http://h/***', 'json', 'delivered', 1, 1, 1),
                    ('left', 'run_failed', 'http://h/***', 'slack', 'pending', 2, 2, 2);
                    """)
        }
        let store = try SQLiteStore(writer: queue)
        let rows = try await store.deliveries(limit: 10)
        #expect(rows.map(\.id) == ["left", "sent"])
        #expect(rows.map(\.status) == [.abandoned, .delivered])
        #expect(rows.first?.lastError?.contains("no body to resend") == true)
        #expect(
            try await store.claimPendingDeliveries(owner: "me", untouchedSince: instant(100), now: instant(100))
                .isEmpty)
    }
}
