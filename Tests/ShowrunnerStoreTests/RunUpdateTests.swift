import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct RunUpdateTests {
    @Test(arguments: StoreKind.all) func runningSetsStartAndOwnerOnceAndFinishingClearsTheOwner(
        _ kind: StoreKind
    ) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        let owner = makeOwner(heartbeat: 10)

        try await store.updateRun(id: "r1", status: .running, reason: nil, owner: owner, at: instant(10))
        var run = try #require(try await store.run(id: "r1"))
        #expect(run.status == .running && run.startedAt == instant(10) && run.owner == owner && run.finishedAt == nil)

        // A second `running` (a resume) keeps the first start and, without a new owner, the current one.
        try await store.updateRun(id: "r1", status: .running, reason: nil, owner: nil, at: instant(20))
        run = try #require(try await store.run(id: "r1"))
        #expect(run.startedAt == instant(10) && run.owner == owner)

        try await store.updateRun(id: "r1", status: .failed, reason: "step 'tts' failed.", owner: nil, at: instant(30))
        run = try #require(try await store.run(id: "r1"))
        #expect(run.status == .failed && run.reason == "step 'tts' failed.")
        #expect(run.startedAt == instant(10) && run.finishedAt == instant(30) && run.owner == nil)
    }

    @Test(arguments: StoreKind.all, RunStatus.allCases.filter(\.isFinished))
    func everyFinishedStatusSetsFinishedAtAndClearsTheOwner(_ kind: StoreKind, _ status: RunStatus) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        try await store.updateRun(id: "r1", status: .running, reason: nil, owner: makeOwner(), at: instant(1))
        try await store.updateRun(id: "r1", status: status, reason: "why", owner: makeOwner("other"), at: instant(2))
        let run = try #require(try await store.run(id: "r1"))
        #expect(run.status == status && run.finishedAt == instant(2) && run.owner == nil && run.reason == "why")
    }

    @Test(arguments: StoreKind.all) func resumingAFinishedRunClearsFinishedAt(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        try await store.updateRun(id: "r1", status: .failed, reason: "crash", owner: nil, at: instant(1))
        try await store.updateRun(id: "r1", status: .running, reason: nil, owner: makeOwner(), at: instant(2))
        let run = try #require(try await store.run(id: "r1"))
        #expect(run.finishedAt == nil && run.reason == nil && run.owner == makeOwner() && run.startedAt == instant(2))
    }

    @Test(arguments: StoreKind.all) func runsStartedTogetherAreMarkedRunningAsUpdateRunWould(
        _ kind: StoreKind
    ) async throws {
        let store = try await kind.open()
        try await insert(makeRun("a"), makeRun("b"), makeRun("c"), into: store)
        try await store.updateRun(id: "c", status: .running, reason: nil, owner: makeOwner(), at: instant(5))
        let owner = makeOwner("node", heartbeat: 10)

        try await store.markRunning(ids: ["a", "b", "c"], owner: owner, at: instant(10))
        for id in ["a", "b", "c"] {
            let run = try #require(try await store.run(id: id))
            #expect(run.status == .running && run.owner == owner && run.finishedAt == nil && run.reason == nil)
            #expect(run.startedAt == instant(id == "c" ? 5 : 10))  // a resumed run keeps its first start
        }
        await #expect(throws: StoreError.runNotFound("nope")) {
            try await store.markRunning(ids: ["nope"], owner: owner, at: instant(11))
        }
    }

    @Test(arguments: StoreKind.all) func updatingAMissingRunThrows(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        await #expect(throws: StoreError.runNotFound("nope")) {
            try await store.updateRun(id: "nope", status: .running, reason: nil, owner: nil, at: instant(0))
        }
    }

    @Test(arguments: StoreKind.all) func runningRunsAreTheRunningOnesOldestFirst(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("b", status: .running, createdAt: instant(2), owner: makeOwner()),
            makeRun("a", status: .running, createdAt: instant(1), owner: makeOwner()),
            makeRun("q", status: .queued, createdAt: instant(0)),
            into: store)
        try await store.updateRun(id: "q", status: .succeeded, reason: nil, owner: nil, at: instant(3))
        #expect(try await store.runningRuns().map(\.id) == ["a", "b"])
    }

    @Test(arguments: StoreKind.all) func heartbeatMovesOnlyTheOwnersHeartbeat(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("owned", status: .running, owner: makeOwner(heartbeat: 0)), makeRun("free"), into: store)
        try await store.heartbeat(runID: "owned", at: instant(15))
        try await store.heartbeat(runID: "free", at: instant(15))
        #expect(try await store.run(id: "owned")?.owner == makeOwner(heartbeat: 15))
        #expect(try await store.run(id: "free")?.owner == nil)
        await #expect(throws: StoreError.runNotFound("gone")) {
            try await store.heartbeat(runID: "gone", at: instant(1))
        }
    }
}
