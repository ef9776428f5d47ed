import Foundation
import ShowrunnerCore
import ShowrunnerPostgres
import Testing

@testable import ShowrunnerStore

/// The PostgreSQL store decides a fire's overlap over every node's runs, and carries cancels from one node to
/// the node executing the run.
@Suite(.enabled(if: StoreKind.postgresURL != nil, "needs SHOWRUNNER_TEST_POSTGRES (scripts/test.sh starts a server)"))
struct ClusterOverlapStoreTests {
    static let stale = instant(70)

    func fire(_ id: String, _ second: Int64) -> RunRecord {
        makeRun(id, trigger: .schedule, scheduledAt: instant(second), createdAt: instant(second))
    }

    /// (policy, the account's active run or nil, the fire's status, a word of the reason).
    static let decisions: [(Schedule.OverlapPolicy, RunRecord?, RunStatus, String?)] = [
        (.skip, nil, .queued, nil),
        (.skip, makeRun("a", status: .running, owner: makeOwner("node-2", heartbeat: 90)), .skipped, "still active"),
        (.queue, makeRun("a", status: .running, owner: makeOwner("node-2", heartbeat: 90)), .queued, nil),
        (.allow, makeRun("a", status: .running, owner: makeOwner("node-2", heartbeat: 90)), .queued, nil),
        // Claimed by a live node: starting, so it counts as running.
        (.queue, makeRun("a", owner: makeOwner("node-2", heartbeat: 90)), .queued, nil),
        // Waiting for a claim (no owner, or a dead one): a second waiting fire is skipped under every policy.
        (.allow, makeRun("a"), .skipped, "waiting to start"),
        (.queue, makeRun("a", owner: makeOwner("node-2", heartbeat: 10)), .skipped, "waiting to start"),
        (.skip, makeRun("a", status: .succeeded), .queued, nil),
    ]

    @Test(arguments: decisions.indices) func aFireIsDecidedOverEveryNodesRuns(_ index: Int) async throws {
        let (policy, active, status, reason) = Self.decisions[index]
        let store = try await StoreKind.openPostgres(fence: nil)
        if var active {
            if active.status.isFinished { active.finishedAt = instant(1) }
            try await insert(active, into: store)
        }
        let recorded = try await store.insertRuns([fire("f", 60)], overlap: [policy], staleBefore: Self.stale)
        #expect(recorded.map { $0?.status } == [status])
        #expect(try await store.run(id: "f")?.status == status)
        if let reason { #expect(try await store.run(id: "f")?.reason?.contains(reason) == true) }
        // The same fire offered again (another node) records nothing.
        let again = try await store.insertRuns([fire("f-again", 60)], overlap: [policy], staleBefore: Self.stale)
        #expect(again == [nil])
    }

    @Test func nodesFiringOneAccountTogetherLeaveAtMostOneWaiting() async throws {
        let stores = try await ClusterStoreTests.nodes(3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for second in 0..<10 {  // every node offers every fire, as each computes them
                        let run = fire("n\(index)-\(second)", Int64(second))
                        _ = try await store.insertRuns([run], overlap: [.queue], staleBefore: Self.stale)
                    }
                }
            }
            try await group.waitForAll()
        }
        let runs = try await stores[0].runs(matching: RunQuery(limit: 100))
        #expect(runs.count == 10, "one record per fire")
        #expect(runs.count { $0.status == .queued } == 1)
        #expect(runs.count { $0.status == .skipped } == 9)
    }

    @Test func aCancelReachesTheOwnerOrCancelsAnUnclaimedRunAtOnce() async throws {
        let store = try await StoreKind.openPostgres(fence: nil)
        let owner = makeOwner("node-a~x", pid: 7, heartbeat: 90)
        try await insert(
            makeRun("unclaimed"), makeRun("claimed", owner: owner),
            makeRun("running", status: .running, owner: owner), makeRun("dead", owner: makeOwner(heartbeat: 1)),
            makeRun("done", status: .failed), into: store)
        let ask = { (id: String) in try await store.requestCancel(runID: id, staleBefore: Self.stale, at: instant(80)) }
        #expect(try await ask("unclaimed") == .cancelledQueued)
        #expect(try await ask("dead") == .cancelledQueued)
        #expect(try await store.run(id: "unclaimed")?.status == .cancelled)
        #expect(try await ask("claimed") == .requested)
        #expect(try await ask("running") == .requested)
        #expect(try await ask("done") == .notActive)
        #expect(try await ask("no-such-run") == .notActive)
        #expect(try await store.takeCancelRequests(ownerHost: "node-b~y") == [])
        #expect(Set(try await store.takeCancelRequests(ownerHost: owner.host)) == ["claimed", "running"])
        #expect(try await store.takeCancelRequests(ownerHost: owner.host) == [], "each request is taken once")
    }
}
