import Foundation

/// Where the nodes of a cluster take queued runs to execute: each run goes to exactly one claimer
/// (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
public protocol QueuedRunClaims: Sendable {
    /// Makes up to `limit` queued runs of `accountIDs` `owner`'s, oldest first: runs without an owner, and runs
    /// whose owner's lease (its heartbeat) is older than `staleBefore`. Two claimers never get the same run.
    func claimQueuedRuns(
        accountIDs: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
}

/// Wake-ups from other nodes: a run was queued somewhere (PostgreSQL `LISTEN showrunner_runs`).
public protocol QueuedRunNotifications: Sendable {
    /// Calls `onQueued` for every notification until the connection is lost (throws) or the caller is cancelled.
    func listenForQueuedRuns(_ onQueued: @escaping @Sendable () -> Void) async throws
}
