import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// SPEC §10.1: a scheduled fire produces at most one run, enforced by the store.
struct RunInsertTests {
    static let fireCases = [
        (RunTrigger.schedule, RunTrigger.schedule, false),
        (.catchUp, .catchUp, false),
        (.schedule, .catchUp, false),  // catch_up and schedule share the key
        (.catchUp, .schedule, false),
        (.schedule, .manual, true),  // a manual run at the same instant is allowed
        (.manual, .schedule, true),
        (.manual, .manual, true),
    ]

    @Test(arguments: StoreKind.all) func secondRunForTheSameFire(_ kind: StoreKind) async throws {
        for (first, second, inserted) in Self.fireCases {
            let store = try await kind.open()
            let fire = instant(3600)
            #expect(try await store.insertRun(makeRun("r1", trigger: first, scheduledAt: fire)))
            #expect(try await store.insertRun(makeRun("r2", trigger: second, scheduledAt: fire)) == inserted)
            #expect((try await store.run(id: "r2") != nil) == inserted, "\(first) then \(second)")
        }
    }

    @Test(arguments: StoreKind.all) func otherAccountsAndInstantsAreOtherFires(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("r1", account: "cooking", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r2", account: "travel", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("r3", account: "cooking", trigger: .schedule, scheduledAt: instant(120)),
            into: store)
        #expect(try await store.runs(matching: RunQuery()).count == 3)
    }

    @Test(arguments: StoreKind.all) func aRefusedFireLeavesTheFirstRunUntouched(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        let first = makeRun("r1", trigger: .schedule, scheduledAt: instant(60), status: .running)
        try await insert(first, into: store)
        let duplicate = makeRun("r2", trigger: .catchUp, scheduledAt: instant(60), status: .missed)
        #expect(try await store.insertRun(duplicate) == false)
        #expect(try await store.run(id: "r1") == first)
        #expect(try await store.runs(matching: RunQuery()).map(\.id) == ["r1"])
    }

    @Test(arguments: StoreKind.all) func aDuplicateIDIsAnErrorNotARefusedFire(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        await #expect(throws: (any Error).self) {
            _ = try await store.insertRun(makeRun("r1", createdAt: instant(5)))
        }
    }

    @Test(arguments: StoreKind.all) func aScheduledRunWithoutInstantIsRejected(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        await #expect(throws: (any Error).self) {
            _ = try await store.insertRun(makeRun("r1", trigger: .schedule, scheduledAt: nil))
        }
    }

    @Test(arguments: StoreKind.all) func everyFieldRoundTrips(_ kind: StoreKind) async throws {
        let store = try await kind.open()
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

    @Test(arguments: StoreKind.all) func aBatchInsertsEachRunUnlessItsFireHasOne(_ kind: StoreKind) async throws {
        let store = try await kind.open()
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

    @Test(arguments: StoreKind.all) func aDuplicateIdFailsTheWholeBatch(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        let batch = [makeRun("same", account: "a"), makeRun("other", account: "b"), makeRun("same", account: "c")]
        await #expect(throws: (any Error).self) { _ = try await store.insertRuns(batch) }
        #expect(try await store.runs(matching: RunQuery()).isEmpty)
    }
}
