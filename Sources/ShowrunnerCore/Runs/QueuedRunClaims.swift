import Foundation

/// Where the nodes of a cluster take queued runs to execute: each run goes to exactly one claimer
/// (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
public protocol QueuedRunClaims: Sendable {
    /// Makes up to `limit` queued runs of `accountIDs` `owner`'s, oldest first: runs without an owner, and runs
    /// whose owner's lease (its heartbeat) is older than `staleBefore`. Two claimers never get the same run.
    /// A fired run (`schedule`, `catch_up`) of an account in `exclusive` (its `overlap` is not `allow`) is left
    /// queued while another run of the account is active on any node — `running`, or claimed by an owner whose
    /// lease holds — or an older fired run of it is queued: two of its fired runs never run at once.
    func claimQueuedRuns(
        accountIDs: [String], exclusive: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws
        -> [RunRecord]
    /// Gives back the runs `ids` still queued and owned by `ownerHost` (claimed, not started): other claimers may
    /// take them at once.
    func releaseQueuedRuns(ids: [String], ownerHost: String) async throws
}

extension QueuedRunClaims {
    /// `claimQueuedRuns` with no account exclusive.
    public func claimQueuedRuns(
        accountIDs: [String], owner: RunOwner, staleBefore: Date, limit: Int
    ) async throws -> [RunRecord] {
        try await claimQueuedRuns(
            accountIDs: accountIDs, exclusive: [], owner: owner, staleBefore: staleBefore, limit: limit)
    }
}

/// Wake-ups from other nodes: a run was queued somewhere, or one was asked to be cancelled (PostgreSQL
/// `LISTEN showrunner_runs`).
public protocol QueuedRunNotifications: Sendable {
    /// Calls `onNotice` with each notification's payload (`cancel` for a cancel request, else empty) until the
    /// connection is lost (throws) or the caller is cancelled.
    func listenForQueuedRuns(_ onNotice: @escaping @Sendable (String) -> Void) async throws
}
