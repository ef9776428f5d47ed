import Foundation

/// Fires recorded with the overlap decision made in the store, over the account's runs on every node of a
/// cluster (PostgreSQL), not only this process's.
public protocol ClusterFireRecording: Sendable {
    /// Per run (`queued`, no owner) and its account's `overlap` (nil: not subject to it, a manual run): inserts
    /// the run, or — when the account's active runs on any node forbid it (`OverlapDecision`) — the fire's
    /// `skipped` record instead. Decisions of one account are serialized across nodes. Returns what was recorded,
    /// nil where the fire already had a run. A queued run claimed by an owner whose heartbeat is at or after
    /// `staleBefore` counts as starting (running); one without a live owner as waiting.
    func insertRuns(
        _ runs: [RunRecord], overlap: [Schedule.OverlapPolicy?], staleBefore: Date
    ) async throws -> [RunRecord?]
}
