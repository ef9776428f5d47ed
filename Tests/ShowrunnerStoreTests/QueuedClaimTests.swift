import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Cluster item 3: queued runs go to the nodes that claim them, each run to exactly one, oldest first, only of
/// the accounts the claimer may run; a queued run whose owner's lease ended is claimable again.
struct QueuedClaimTests {
    let node = makeOwner("node-1", pid: 11, heartbeat: 100)

    func claims(_ kind: StoreKind) async throws -> (any ShowrunnerStorage, any QueuedRunClaims) {
        let store = try await kind.open()
        return (store, try #require(store as? any QueuedRunClaims))
    }

    @Test(arguments: StoreKind.all) func claimsTheOldestUpToTheLimit(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        for (id, created) in [("r3", 3), ("r1", 1), ("r2", 2)] {
            try await insert(makeRun(id, createdAt: instant(Int64(created))), into: store)
        }
        let claimed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: node, staleBefore: instant(70), limit: 2)
        #expect(claimed.map(\.id) == ["r1", "r2"])
        #expect(claimed.allSatisfy { $0.owner == node && $0.status == .queued })
        #expect(try await store.run(id: "r1")?.owner == node)
        #expect(try await store.run(id: "r3")?.owner == nil)
    }

    @Test(arguments: StoreKind.all) func onlyTheListedAccountsAreClaimed(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        try await insert(makeRun("gpu-run", account: "gpu-only"), makeRun("any-run", account: "cooking"), into: store)
        let claimed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: node, staleBefore: instant(70), limit: 10)
        #expect(claimed.map(\.id) == ["any-run"])
        #expect(try await store.run(id: "gpu-run")?.owner == nil)
        let none = try await claims.claimQueuedRuns(accountIDs: [], owner: node, staleBefore: instant(70), limit: 10)
        #expect(none.isEmpty)
    }

    @Test(arguments: StoreKind.all) func aLiveOwnersQueuedRunIsLeftAStaleOnesIsTaken(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        let live = makeOwner("node-2", pid: 22, heartbeat: 90)
        let dead = makeOwner("node-3", pid: 33, heartbeat: 10)
        try await insert(makeRun("live", owner: live), makeRun("dead", owner: dead), into: store)
        let claimed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: node, staleBefore: instant(70), limit: 10)
        #expect(claimed.map(\.id) == ["dead"])
        #expect(try await store.run(id: "live")?.owner == live)
    }

    @Test(arguments: StoreKind.all, [RunStatus.running, .succeeded, .failed, .cancelled, .skipped])
    func onlyQueuedRunsAreClaimed(_ kind: StoreKind, _ status: RunStatus) async throws {
        let (store, claims) = try await claims(kind)
        let finished = status.isFinished ? instant(1) : nil
        try await insert(
            RunRecord(
                id: "r1", accountID: "cooking", pipeline: "shorts", trigger: .manual, status: status,
                createdAt: instant(0), finishedAt: finished), into: store)
        let claimed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: node, staleBefore: instant(70), limit: 10)
        #expect(claimed.isEmpty)
    }

    @Test(arguments: StoreKind.all) func concurrentClaimersNeverShareARun(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        let ids = (0..<60).map { String(format: "r%02d", $0) }
        for (index, id) in ids.enumerated() {
            try await insert(makeRun(id, createdAt: instant(Int64(index))), into: store)
        }
        let claimed = try await withThrowingTaskGroup(of: (String, [String]).self) { group in
            for claimer in 1...3 {
                let owner = makeOwner("node-\(claimer)", pid: Int32(claimer), heartbeat: 100)
                group.addTask {
                    var mine: [String] = []
                    while true {
                        let runs = try await claims.claimQueuedRuns(
                            accountIDs: ["cooking"], owner: owner, staleBefore: instant(70), limit: 4)
                        if runs.isEmpty { return (owner.host, mine) }
                        mine += runs.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [String: [String]]()) { $0[$1.0] = $1.1 }
        }
        let all = claimed.values.flatMap { $0 }
        #expect(all.count == ids.count)
        #expect(Set(all) == Set(ids))
        for run in try await store.runs(matching: RunQuery(status: .queued, limit: 100)) {
            let winner = claimed.first { $0.value.contains(run.id) }?.key
            #expect(run.owner?.host == winner)
        }
    }
}
