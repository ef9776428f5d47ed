import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Migration runs_fire_by_instant on a database that recorded fires before it.
struct FireIndexMigrationTests {
    @Test func aFireRecordedBeforeTheMigrationStillHasItsOneRun() async throws {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue, upTo: "alert_deliveries_resend")
        let fire = RunRecord(
            id: "20261207-120000-aaaaa", accountID: "a", pipeline: "p", trigger: .schedule, scheduledAt: instant(60),
            status: .succeeded, createdAt: instant(60), finishedAt: instant(61))
        #expect(try await SQLiteStore(writer: queue).insertRun(fire))

        let store = try SQLiteStore(writer: queue)
        let again = RunRecord(
            id: "20261207-120000-bbbbb", accountID: "a", pipeline: "p", trigger: .catchUp, scheduledAt: instant(60),
            status: .queued, createdAt: instant(62))
        let next = RunRecord(
            id: "20261207-120100-ccccc", accountID: "a", pipeline: "p", trigger: .schedule, scheduledAt: instant(120),
            status: .queued, createdAt: instant(120))
        let other = RunRecord(
            id: "20261207-120000-ddddd", accountID: "b", pipeline: "p", trigger: .schedule, scheduledAt: instant(60),
            status: .queued, createdAt: instant(60))
        #expect(try await store.insertRuns([again, next, other]) == [false, true, true])
        #expect(try await store.run(id: again.id) == nil)
        let index = try await queue.read { db in try db.indexes(on: "runs").first { $0.name == "runs_fire" } }
        #expect(index?.columns == ["scheduled_at", "account_id"])
        #expect(index?.isUnique == true)
    }
}
