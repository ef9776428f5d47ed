import Foundation
import ShowrunnerCore
import ShowrunnerStore

/// The real store, except that writing several runs in one transaction fails (as a busy or broken database
/// would): for the scheduler's fire-by-fire fallback.
struct BatchRefusingStore: RunStore {
    struct Refused: Error {}

    let base: SQLiteStore

    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        guard runs.count <= 1 else { throw Refused() }
        return try await base.insertRuns(runs)
    }

    func insertRun(_ run: RunRecord) async throws -> Bool { try await base.insertRun(run) }
    func run(id: String) async throws -> RunRecord? { try await base.run(id: id) }
    func runs(matching query: RunQuery) async throws -> [RunRecord] { try await base.runs(matching: query) }
    func runningRuns() async throws -> [RunRecord] { try await base.runningRuns() }
    func latestRunPerAccount() async throws -> [String: RunRecord] { try await base.latestRunPerAccount() }
    func lastSuccessPerAccount() async throws -> [String: Date] { try await base.lastSuccessPerAccount() }
    func deleteFinishedRuns(before date: Date) async throws -> Int { try await base.deleteFinishedRuns(before: date) }
    func retryRun(of runID: String) async throws -> RunRecord? { try await base.retryRun(of: runID) }
    func heartbeat(runID: String, at date: Date) async throws { try await base.heartbeat(runID: runID, at: date) }
    func insertAttempt(_ attempt: AttemptRecord) async throws { try await base.insertAttempt(attempt) }
    func attempts(runID: String) async throws -> [AttemptRecord] { try await base.attempts(runID: runID) }

    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws {
        try await base.updateRun(id: id, status: status, reason: reason, owner: owner, at: date)
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
