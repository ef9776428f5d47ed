import Foundation
import ShowrunnerCore

/// How a run's end is recorded: a store failure, and the account's failure count, auth flag and pauses.
extension RunCoordinator {
    /// Failure count, auto-pause (`pause_after_failures`), the auth flag, and the pause a skipping step asked for.
    func recordOutcome(_ outcome: RunOutcome, of run: RunRecord, account: Account) async throws {
        if case .skipped(let skip) = outcome, skip.pausesAccount {
            try await accountStates.updateAccountState(account.id) { state in
                state.paused = true
                state.pauseReason = skip.reason
            }
            logger.warning("account paused", metadata: ["account": "\(account.id)", "reason": "\(skip.reason)"])
        }
        guard outcome != .cancelled, outcome.status != .skipped else { return }
        let authFailed = try await store.attempts(runID: run.id).contains { $0.failureKind == .auth }
        let limit = account.schedule?.pauseAfterFailures ?? 0
        let updated = try await accountStates.updateAccountState(account.id) { state in
            guard case .failed(let reason) = outcome else {
                state.consecutiveFailures = 0
                state.authFlag = nil
                return
            }
            state.consecutiveFailures += 1
            if authFailed { state.authFlag = reason }
            if limit > 0, state.consecutiveFailures >= limit, !state.paused {
                state.paused = true
                state.pauseReason = "paused after \(state.consecutiveFailures) consecutive failed runs; last: \(reason)"
            }
        }
        if updated.paused, updated.consecutiveFailures == limit, limit > 0 {
            logger.warning("account paused after failures", metadata: ["account": "\(account.id)"])
        }
    }

    /// A store write failed mid-run (a full disk): the run is recorded `failed`, the write retried until the store
    /// takes it, so it does not stay `running`. Not counted against the account (`pause_after_failures`): the
    /// account is not at fault. Nil when shutdown came first (the run is left for the next start).
    func recordStoreFailure(of run: RunRecord, _ error: any Error) async -> RunOutcome? {
        logger.error(
            "run stopped: the store could not be written",
            metadata: ["account": "\(run.accountID)", "run.id": "\(run.id)", "error": "\(error)"])
        let reason = "the store could not be written (\(error)); retry the run once the store works"
        let (store, now) = (store, environment.time.now)
        do {
            try await environment.writeUntilStored("run \(run.id)") {
                for attempt in try await store.attempts(runID: run.id) where attempt.status == .running {
                    try await store.finishAttempt(
                        runID: run.id, stepID: attempt.stepID, attempt: attempt.attempt, status: .failed,
                        failure: StepFailure(.transient, "the store could not record this attempt."), result: nil,
                        at: now())
                }
                try await store.updateRun(id: run.id, status: .failed, reason: reason, owner: nil, at: now())
            }
            return .failed(reason: reason)
        } catch {
            return nil
        }
    }
}
