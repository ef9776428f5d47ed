import Foundation

/// Durable history and state, in the engine's terms. The SQLite store conforms; tests may use it in memory.
public protocol RunStore: Sendable {
    /// Inserts a run. Returns false, inserting nothing, when a `schedule`/`catch_up` run for the same account and
    /// scheduled instant already exists (a fire produces at most one run).
    func insertRun(_ run: RunRecord) async throws -> Bool
    /// `insertRun` for many runs in one transaction (a minute's fires); one result per run, in order.
    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool]
    func run(id: String) async throws -> RunRecord?
    /// Newest first.
    func runs(matching query: RunQuery) async throws -> [RunRecord]
    /// Runs whose status is `running` (candidates for resume).
    func runningRuns() async throws -> [RunRecord]
    /// The newest run of every account that has one (for job listings).
    func latestRunPerAccount() async throws -> [String: RunRecord]
    /// When each account's newest successful run finished (the last-success metric after a restart).
    func lastSuccessPerAccount() async throws -> [String: Date]
    /// Deletes finished runs (and their attempts) that finished before `date`; returns how many.
    func deleteFinishedRuns(before date: Date) async throws -> Int
    /// The run made by retrying `runID`, if any (a run is retried at most once).
    func retryRun(of runID: String) async throws -> RunRecord?
    /// Sets status and reason; `running` sets `startedAt` (if unset) and the owner; a finished status sets
    /// `finishedAt` and clears the owner.
    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws
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
    /// Every attempt of a run, in the order they were recorded.
    func attempts(runID: String) async throws -> [AttemptRecord]
}

/// Which topics of a list an account has used, so `topic.list` does not repeat until the list is used up.
public protocol TopicStore: Sendable {
    /// `list` identifies the list (its file path or a hash of its items).
    func usedTopics(accountID: String, list: String) async throws -> Set<String>
    func markTopicUsed(accountID: String, list: String, topic: String, runID: String, at date: Date) async throws
    func resetTopics(accountID: String, list: String) async throws
}
