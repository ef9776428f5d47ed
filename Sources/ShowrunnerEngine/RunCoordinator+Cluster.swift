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
}
