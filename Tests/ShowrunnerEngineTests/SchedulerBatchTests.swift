import Foundation
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerEngine

/// Many accounts due at one instant, and incremental updates among many accounts.
struct SchedulerBatchTests {
    @Test func everyAccountDueAtTheSameInstantGetsOneRunAndItsFireRemembered() async throws {
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": ScriptedStep(outputs: [:])]),
            at: SchedulerHarness.date("2026-06-01T09:59:30Z"))
        let ids = (0..<100).map { String(format: "acct-%03d", $0) }
        let accounts = try ids.map { try SchedulerHarness.account($0, cron: "0 10 * * *") }
        await test.scheduler.apply(accounts)
        try await test.scheduler.startUp()
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await test.settle()
        let runs = try await test.harness.store.runs(matching: RunQuery(limit: 1000))
        #expect(runs.count == 100)
        #expect(Set(runs.map(\.accountID)) == Set(ids))
        #expect(Set(runs.map(\.id)).count == 100)
        #expect(runs.allSatisfy { $0.status == .succeeded && $0.trigger == .schedule })
        #expect(runs.allSatisfy { $0.startedAt == SchedulerHarness.date("2026-06-01T10:00:00Z") && $0.owner == nil })
        let states = try await test.harness.store.accountStates()
        #expect(ids.allSatisfy { states[$0]?.lastFireAt == SchedulerHarness.date("2026-06-01T10:00:00Z") })
        #expect(test.scheduler.jobs().allSatisfy { $0.nextRunAt == SchedulerHarness.date("2026-06-02T10:00:00Z") })
    }

    @Test func theFirstRunsOfABurstStartWhileItsLaterRowsAreStillBeingWritten() async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let store = HeldInsertStore(base: harness.store)
        let test = SchedulerHarness(
            harness: harness, at: SchedulerHarness.date("2026-06-01T09:59:30Z"), maxConcurrentRuns: 200,
            runStore: store)
        let ids = (0..<100).map { String(format: "acct-%03d", $0) }
        await test.scheduler.apply(try ids.map { try SchedulerHarness.account($0, cron: "0 10 * * *") })
        try await test.scheduler.startUp()
        let firing = Task { await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z")) }
        // The later inserts are held: the runs of the first slice finish, and no run exists without its row.
        try await Deadline.until("the first slice's runs succeeded") { store.succeededRuns >= 16 }
        #expect(try await harness.store.runs(matching: RunQuery(limit: 1000)).count == 16)
        store.release()
        await firing.value
        try await test.settle()
        let runs = try await harness.store.runs(matching: RunQuery(limit: 1000))
        #expect(Set(runs.map(\.accountID)) == Set(ids))
        #expect(runs.allSatisfy { $0.status == .succeeded })
    }

    @Test func anUpdateTouchesOnlyTheAccountsItNames() async throws {
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": ScriptedStep(outputs: [:])]),
            at: SchedulerHarness.date("2026-06-01T09:30:00Z"))
        let daily = try SchedulerHarness.account("daily", cron: "0 10 * * *")
        let hourly = try SchedulerHarness.account("hourly", cron: "0 * * * *")
        await test.scheduler.apply([daily, hourly])
        try await test.scheduler.startUp()
        var edited = try SchedulerHarness.account("daily", cron: "15 9 * * *")
        edited.contentHash = "edited"
        let added = try SchedulerHarness.account("added", cron: "45 9 * * *")
        await test.scheduler.update(scheduled: [edited, added], removed: [])
        var next = Dictionary(uniqueKeysWithValues: test.scheduler.jobs().map { ($0.id, $0.nextRunAt) })
        #expect(next["daily"] == SchedulerHarness.date("2026-06-02T09:15:00Z"))
        #expect(next["hourly"] == SchedulerHarness.date("2026-06-01T10:00:00Z"))
        #expect(next["added"] == SchedulerHarness.date("2026-06-01T09:45:00Z"))
        await test.scheduler.update(scheduled: [], removed: ["hourly"])
        next = Dictionary(uniqueKeysWithValues: test.scheduler.jobs().map { ($0.id, $0.nextRunAt) })
        #expect(next.keys.sorted() == ["added", "daily"])
    }

    @Test func whenTheBatchCannotBeWrittenEachFireIsRecordedAlone() async throws {
        let (runs, store) = try await Self.fireThreeAccounts { BatchRefusingStore(base: $0) }
        #expect(runs.map(\.accountID).sorted() == ["a", "b", "c"])
        #expect(runs.allSatisfy { $0.status == .succeeded })
        let states = try await store.accountStates()
        #expect(runs.allSatisfy { states[$0.accountID]?.lastFireAt == Self.ten })
    }

    @Test func whenRunsCannotBeRecordedRunningTogetherEachRecordsItsOwnStart() async throws {
        let (runs, _) = try await Self.fireThreeAccounts { StartRefusingStore(base: $0) }
        #expect(runs.map(\.accountID).sorted() == ["a", "b", "c"])
        #expect(runs.allSatisfy { $0.status == .succeeded && $0.startedAt == Self.ten })
    }

    static let ten = SchedulerHarness.date("2026-06-01T10:00:00Z")

    /// Accounts a, b and c due at 10:00, fired through `store` (made from the real one); their runs once settled.
    static func fireThreeAccounts(
        through store: (SQLiteStore) -> any RunStore
    ) async throws -> (runs: [RunRecord], store: SQLiteStore) {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let test = SchedulerHarness(
            harness: harness, at: SchedulerHarness.date("2026-06-01T09:59:30Z"), runStore: store(harness.store))
        await test.scheduler.apply(try ["a", "b", "c"].map { try SchedulerHarness.account($0, cron: "0 10 * * *") })
        try await test.scheduler.startUp()
        await test.advance(to: ten)
        try await test.settle()
        return (try await harness.store.runs(matching: RunQuery()), harness.store)
    }
}
