import Foundation
import ShowrunnerCore
import Synchronization
import Testing

@testable import ShowrunnerStore

/// SPEC §5 Durability: start-up resume and `retry` take over only runs whose owner is gone.
struct RunClaimTests {
    let daemon = makeOwner("daemon-host", pid: 100, heartbeat: 0)
    let cli = makeOwner("cli-host", pid: 200, heartbeat: 50)

    @Test(arguments: StoreKind.all) func anAliveOwnerKeepsTheRun(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1", status: .running, owner: daemon), into: store)
        let asked = Mutex<[RunOwner]>([])
        let claimed = try await store.claimRun(id: "r1", owner: cli) { owner in
            asked.withLock { $0.append(owner) }
            return false
        }
        #expect(!claimed)
        #expect(asked.withLock { $0 } == [daemon])
        #expect(try await store.run(id: "r1")?.owner == daemon)
    }

    @Test(arguments: StoreKind.all) func aGoneOwnerIsReplaced(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1", status: .running, owner: daemon), into: store)
        #expect(try await store.claimRun(id: "r1", owner: cli) { $0 == daemon })
        let run = try #require(try await store.run(id: "r1"))
        #expect(run.owner == cli && run.status == .running)
        // Now the CLI owns it: the daemon, asking the same question about the CLI, is refused.
        #expect(try await !store.claimRun(id: "r1", owner: daemon) { $0 == daemon })
    }

    @Test(arguments: StoreKind.all) func aRunWithoutOwnerIsClaimableWithoutAsking(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        try await store.updateRun(id: "r1", status: .failed, reason: "interrupted", owner: nil, at: instant(1))
        #expect(
            try await store.claimRun(id: "r1", owner: cli) { _ in
                Issue.record("asked"); return false
            })
        #expect(try await store.run(id: "r1")?.owner == cli)
    }

    @Test(arguments: StoreKind.all, [RunStatus.queued, .succeeded, .cancelled, .missed, .skipped])
    func onlyRunningOrFailedRunsAreClaimable(_ kind: StoreKind, _ status: RunStatus) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1", status: status), into: store)
        #expect(try await !store.claimRun(id: "r1", owner: cli) { _ in true })
        #expect(try await store.run(id: "r1")?.owner == nil)
    }

    @Test(arguments: StoreKind.all) func claimingAMissingRunThrows(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        await #expect(throws: StoreError.runNotFound("nope")) {
            _ = try await store.claimRun(id: "nope", owner: cli) { _ in true }
        }
    }

    @Test(arguments: StoreKind.all) func concurrentClaimsHaveOneWinner(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1", status: .running, owner: daemon), into: store)
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for pid in 1...20 {
                let owner = makeOwner("worker", pid: Int32(pid))
                // Only the original daemon is gone; every later owner is alive.
                group.addTask { try await store.claimRun(id: "r1", owner: owner) { $0.host == "daemon-host" } }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
    }
}
