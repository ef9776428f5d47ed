import Foundation

/// Writing a run's life as it happens: the run row, its owner and heartbeat, and every attempt. Only the engine
/// writes here.
public protocol RunLedger: Sendable {
    /// Inserts a run. Returns false, inserting nothing, when a `schedule`/`catch_up` run for the same account and
    /// scheduled instant already exists (a fire produces at most one run).
    func insertRun(_ run: RunRecord) async throws -> Bool
    /// `insertRun` for many runs in one transaction (a minute's fires); one result per run, in order.
    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool]
    /// Sets status and reason; `running` sets `startedAt` (if unset) and the owner; a finished status sets
    /// `finishedAt` and clears the owner.
    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws
    /// `updateRun(status: .running)` for the runs an executor starts together, in one transaction where the store
    /// can (the runs of one instant).
    func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws
    /// Atomically makes `owner` the owner of a `running` or failed run if `isGone(currentOwner)`; false when
    /// someone else still owns it.
    func claimRun(id: String, owner: RunOwner, ownerIsGone: @Sendable (RunOwner) -> Bool) async throws -> Bool
    func heartbeat(runID: String, at date: Date) async throws
    /// Records an attempt (status `running`, `skipped` or `reused`) before anything else happens.
    func insertAttempt(_ attempt: AttemptRecord) async throws
    /// Completes a `running` attempt.
    func finishAttempt(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus, failure: StepFailure?,
        result: StepResult?, at date: Date
    ) async throws
}

extension RunLedger {
    /// One update per run: a store without a batched form.
    public func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws {
        for id in ids { try await updateRun(id: id, status: .running, reason: nil, owner: owner, at: date) }
    }
}
