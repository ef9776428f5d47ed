import Foundation

/// Reading runs and attempts: what the HTTP API, `history` and `show` need, and nothing that writes.
public protocol RunHistory: Sendable {
    func run(id: String) async throws -> RunRecord?
    /// Newest first.
    func runs(matching query: RunQuery) async throws -> [RunRecord]
    /// Runs whose status is `running` (candidates for resume).
    func runningRuns() async throws -> [RunRecord]
    /// The newest run of every account that has one (for job listings).
    func latestRunPerAccount() async throws -> [String: RunRecord]
    /// When each account's newest successful run finished (the last-success metric after a restart).
    func lastSuccessPerAccount() async throws -> [String: Date]
    /// The run made by retrying `runID`, if any (a run is retried at most once).
    func retryRun(of runID: String) async throws -> RunRecord?
    /// At most `limit` runs that ended after `position` (by end time, then id), in that order (runs other
    /// processes finished).
    func runsFinished(after position: FinishedRunPosition, limit: Int) async throws -> [RunRecord]
    /// Every attempt of a run, in the order they were recorded.
    func attempts(runID: String) async throws -> [AttemptRecord]
}
