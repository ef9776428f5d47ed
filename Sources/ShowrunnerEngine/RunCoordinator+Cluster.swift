import Foundation
import ShowrunnerCore

/// On a cluster node (PostgreSQL store) runs are recorded without an owner and each node claims what it has room
/// for (`RunClaimService`).
extension RunCoordinator {
    /// From now on `submit` records runs without an owner and calls `wake` instead of queueing them here; `wake` is
    /// also called whenever a run ended (a slot is free).
    public func claimQueuedRuns(wake: @escaping @Sendable () -> Void) {
        clusterWake.withLock { $0 = wake }
    }

    /// Whether runs are claimed through the store (a cluster node).
    public var isClustered: Bool { clusterWake.withLock { $0 } != nil }

    /// Slots taken neither by a running run nor by one waiting to start; none once draining.
    public var freeSlots: Int {
        state.withLock { $0.draining || $0.stopped ? 0 : maxConcurrentRuns - $0.active.count - $0.waiting.count }
    }

    /// Who this process is as a run's owner, with a fresh heartbeat time.
    public func currentOwner() -> RunOwner { environment.owner() }

    /// A run this node neither executes nor has waiting: on a cluster, cancelled in the store when it is queued
    /// without a live owner, else its owner is asked to cancel it. False when it is not queued or running.
    func cancelElsewhere(_ runID: String) async throws -> Bool {
        guard isClustered, let requests = store as? any RunCancelRequests else { return false }
        let staleBefore = now.addingTimeInterval(-launcher.probe.staleAfter.seconds)
        return try await requests.requestCancel(runID: runID, staleBefore: staleBefore, at: now) != .notActive
    }

    /// Takes the queued runs waiting here (claimed, not started) off this node so they never start here; their
    /// callers are told they did not end. Runs being resumed stay.
    public func releaseWaiting() -> [RunRecord] {
        let (released, idle) = state.withLock { state -> ([Pending], [CheckedContinuation<Void, Never>]) in
            let released = state.waiting.filter { !$0.resume }
            state.waiting.removeAll { !$0.resume }
            return (released, state.idleWaitersToWake())
        }
        for pending in released { pending.finished?(nil) }
        for waiter in idle { waiter.resume() }
        return released.map(\.run)
    }
}
