import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// SPEC §10.1: a scheduled fire produces at most one run, enforced by the store.
struct RunInsertTests {
    @Test(arguments: [
        (RunTrigger.schedule, RunTrigger.schedule, false),
        (.catchUp, .catchUp, false),
        (.schedule, .catchUp, false),  // catch_up and schedule share the key
        (.catchUp, .schedule, false),
        (.schedule, .manual, true),  // a manual run at the same instant is allowed
        (.manual, .schedule, true),
        (.manual, .manual, true),
    ])
    func secondRunForTheSameFire(_ first: RunTrigger, _ second: RunTrigger, inserted: Bool) async throws {
        let store = try SQLiteStore.inMemory()
        let fire = instant(3600)
        #expect(try await store.insertRun(makeRun("r1", trigger: first, scheduledAt: fire)))
        #expect(try await store.insertRun(makeRun("r2", trigger: second, scheduledAt: fire)) == inserted)
        #expect((try await store.run(id: "r2") != nil) == inserted)
    }

    @Test func otherAccountsAndInstantsAreOtherFires() async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(
            makeRun("r1", account: "cooking", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r2", account: "travel", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r3", account: "cooking", trigger: .schedule, scheduledAt: instant(120)),
            into: store)
        #expect(try await store.runs(matching: RunQuery()).count == 3)
    }

    @Test func aRefusedFireLeavesTheFirstRunUntouched() async throws {
        let store = try SQLiteStore.inMemory()
        let first = makeRun("r1", trigger: .schedule, scheduledAt: instant(60), status: .running)
        try await insert(first, into: store)
        let duplicate = makeRun("r2", trigger: .catchUp, scheduledAt: instant(60), status: .missed)
        #expect(try await store.insertRun(duplicate) == false)
        #expect(try await store.run(id: "r1") == first)
        #expect(try await store.runs(matching: RunQuery()).map(\.id) == ["r1"])
    }

    @Test func aDuplicateIDIsAnErrorNotARefusedFire() async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), into: store)
        await #expect(throws: DatabaseError.self) {
            _ = try await store.insertRun(makeRun("r1", createdAt: instant(5)))
        }
    }

    @Test func aScheduledRunWithoutInstantIsRejected() async throws {
        let store = try SQLiteStore.inMemory()
        await #expect(throws: DatabaseError.self) {
            _ = try await store.insertRun(makeRun("r1", trigger: .schedule, scheduledAt: nil))
        }
    }

    @Test func everyFieldRoundTrips() async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("first", status: .failed), into: store)
        var run = makeRun(
            "r2", trigger: .retry, scheduledAt: instant(60, milliseconds: 7), status: .running,
            createdAt: instant(61, milliseconds: 999), retryOf: "first", owner: makeOwner(heartbeat: 62))
        run.reason = "Ünïcode reason — 100%."
        run.startedAt = instant(62, milliseconds: 1)
        try await insert(run, into: store)
        #expect(try await store.run(id: "r2") == run)
        #expect(try await store.run(id: "missing") == nil)
    }

    @Test func aBatchInsertsEachRunUnlessItsFireHasOne() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.insertRun(makeRun("old", account: "b", trigger: .schedule, scheduledAt: instant(60)))
        let batch = [
            makeRun("r1", account: "a", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r2", account: "b", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r3", account: "c", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r4", account: "a", trigger: .catchUp, scheduledAt: instant(60)),
        ]
        #expect(try await store.insertRuns(batch) == [true, false, true, false])
        #expect(try await store.runs(matching: RunQuery()).map(\.id).sorted() == ["old", "r1", "r3"])
    }

    @Test func aDuplicateIdFailsTheWholeBatch() async throws {
        let store = try SQLiteStore.inMemory()
        let batch = [makeRun("same", account: "a"), makeRun("other", account: "b"), makeRun("same", account: "c")]
        await #expect(throws: DatabaseError.self) { _ = try await store.insertRuns(batch) }
        #expect(try await store.runs(matching: RunQuery()).isEmpty)
    }
}
