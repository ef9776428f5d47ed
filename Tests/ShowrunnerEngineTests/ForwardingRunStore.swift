import Foundation
import ShowrunnerCore
import ShowrunnerStore

/// A run store that passes every call to the real store `base`; a test store implements only the calls it changes.
protocol ForwardingRunStore: RunStore {
    var base: SQLiteStore { get }
}

extension ForwardingRunStore {
    func run(id: String) async throws -> RunRecord? { try await base.run(id: id) }
    func runs(matching query: RunQuery) async throws -> [RunRecord] { try await base.runs(matching: query) }
    func runningRuns() async throws -> [RunRecord] { try await base.runningRuns() }
    func latestRunPerAccount() async throws -> [String: RunRecord] { try await base.latestRunPerAccount() }
    func lastSuccessPerAccount() async throws -> [String: Date] { try await base.lastSuccessPerAccount() }
    func retryRun(of runID: String) async throws -> RunRecord? { try await base.retryRun(of: runID) }
    func attempts(runID: String) async throws -> [AttemptRecord] { try await base.attempts(runID: runID) }
    func runsFinished(after position: FinishedRunPosition, limit: Int) async throws -> [RunRecord] {
        try await base.runsFinished(after: position, limit: limit)
    }
    func deleteFinishedRuns(before date: Date) async throws -> Int { try await base.deleteFinishedRuns(before: date) }
    func insertRun(_ run: RunRecord) async throws -> Bool { try await insertRuns([run])[0] }
    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] { try await base.insertRuns(runs) }
    func heartbeat(runID: String, at date: Date) async throws { try await base.heartbeat(runID: runID, at: date) }
    func insertAttempt(_ attempt: AttemptRecord) async throws { try await base.insertAttempt(attempt) }

    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws {
        try await base.updateRun(id: id, status: status, reason: reason, owner: owner, at: date)
    }

    func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws {
        try await base.markRunning(ids: ids, owner: owner, at: date)
    }

    func claimRun(id: String, owner: RunOwner, ownerIsGone: @Sendable (RunOwner) -> Bool) async throws -> Bool {
        try await base.claimRun(id: id, owner: owner, ownerIsGone: ownerIsGone)
    }

    func finishAttempt(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus, failure: StepFailure?,
        result: StepResult?, at date: Date
    ) async throws {
        try await base.finishAttempt(
            runID: runID, stepID: stepID, attempt: attempt, status: status, failure: failure, result: result, at: date)
    }
}
