import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Overlap across nodes: a fired run of an account whose `overlap` is not `allow` is not claimed while another of
/// its runs is active anywhere, and a stopping node's claimed runs are claimable again at once.
struct ExclusiveClaimTests {
    let node = makeOwner("node-1", pid: 11, heartbeat: 100)
    let other = makeOwner("node-2", pid: 22, heartbeat: 95)

    func claims(_ kind: StoreKind) async throws -> (any ShowrunnerStorage, any QueuedRunClaims) {
        let store = try await kind.open()
        return (store, try #require(store as? any QueuedRunClaims))
    }

    func fired(_ id: String, _ second: Int64, account: String = "cooking") -> RunRecord {
        makeRun(id, account: account, trigger: .schedule, scheduledAt: instant(second), createdAt: instant(second))
    }

    /// (the account's other run, whether the fired run is claimed).
    static let blockers: [(RunRecord, Bool)] = [
        (makeRun("other", status: .running, createdAt: instant(1), owner: makeOwner("node-2", heartbeat: 95)), false),
        // A run left running by a dead node still counts: it is resumed, not run alongside.
        (makeRun("other", status: .running, createdAt: instant(1), owner: makeOwner("node-2", heartbeat: 5)), false),
        (makeRun("other", createdAt: instant(1), owner: makeOwner("node-2", heartbeat: 95)), false),  // starting
        (makeRun("other", status: .succeeded, createdAt: instant(1)), true),
    ]

    @Test(arguments: StoreKind.all, blockers.indices)
    func aFiredRunWaitsWhileTheAccountIsActiveElsewhere(_ kind: StoreKind, _ index: Int) async throws {
        let (store, claims) = try await claims(kind)
        let claimable = Self.blockers[index].1
        var blocker = Self.blockers[index].0
        if blocker.status.isFinished { blocker.finishedAt = instant(2) }
        try await insert(blocker, fired("fire", 10), makeRun("manual", createdAt: instant(11)), into: store)
        let claimed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], exclusive: ["cooking"], owner: node, staleBefore: instant(70), limit: 10)
        // A manual run is not subject to overlap.
        #expect(claimed.map(\.id) == (claimable ? ["fire", "manual"] : ["manual"]))
        let allowed = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], exclusive: [], owner: node, staleBefore: instant(70), limit: 10)
        #expect(allowed.map(\.id) == (claimable ? [] : ["fire"]), "overlap: allow starts it alongside")
    }

    @Test(arguments: StoreKind.all) func ofTwoQueuedFiresOnlyTheOlderIsClaimed(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        try await insert(fired("f1", 10), fired("f2", 12), fired("t1", 11, account: "travel"), into: store)
        let first = try await claims.claimQueuedRuns(
            accountIDs: ["cooking", "travel"], exclusive: ["cooking", "travel"], owner: node,
            staleBefore: instant(70), limit: 10)
        #expect(first.map(\.id) == ["f1", "t1"])
        let second = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], exclusive: ["cooking"], owner: other, staleBefore: instant(70), limit: 10)
        #expect(second.isEmpty, "f1 is starting on node-1")
        try await store.updateRun(id: "f1", status: .succeeded, reason: nil, owner: nil, at: instant(20))
        let third = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], exclusive: ["cooking"], owner: other, staleBefore: instant(70), limit: 10)
        #expect(third.map(\.id) == ["f2"])
    }

    @Test(arguments: StoreKind.all) func releasedRunsAreClaimableAtOnce(_ kind: StoreKind) async throws {
        let (store, claims) = try await claims(kind)
        try await insert(
            makeRun("r1", createdAt: instant(1)), makeRun("r2", createdAt: instant(2)),
            makeRun("running", status: .running, createdAt: instant(3)), into: store)
        let mine = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: node, staleBefore: instant(70), limit: 10)
        #expect(mine.map(\.id) == ["r1", "r2"])
        try await store.updateRun(id: "running", status: .running, reason: nil, owner: node, at: instant(4))
        // Only its own queued runs: another owner's, and running ones, stay.
        try await claims.releaseQueuedRuns(ids: ["r1", "r2", "running"], ownerHost: other.host)
        #expect(try await store.run(id: "r1")?.owner == node)
        try await claims.releaseQueuedRuns(ids: ["r1", "running"], ownerHost: node.host)
        #expect(try await store.run(id: "r1")?.owner == nil)
        #expect(try await store.run(id: "running")?.owner == node)
        let taken = try await claims.claimQueuedRuns(
            accountIDs: ["cooking"], owner: other, staleBefore: instant(70), limit: 10)
        #expect(taken.map(\.id) == ["r1"])
    }
}
