import Foundation
import ShowrunnerCore

/// Resumes interrupted runs and prepares retries of failed ones for the `RunCoordinator`, which executes them.
public struct RunLauncher: Sendable {
    public let executor: RunExecutor
    public let probe: OwnerProbe

    public init(executor: RunExecutor, probe: OwnerProbe) {
        self.executor = executor
        self.probe = probe
    }

    private var environment: ExecutionEnvironment { executor.environment }

    /// Takes over a `running` run whose owner is gone: its interrupted attempts count as transient failures,
    /// completed steps are not redone.
    public func resume(
        runID: String, account: Account, mergedPipeline: Pipeline,
        observer: @escaping @Sendable (RunEvent) -> Void = { _ in },
        cancellation: RunCancellation = RunCancellation()
    ) async throws -> RunOutcome? {
        let store = environment.runs
        guard let run = try await store.run(id: runID) else { throw RunRefusal.noSuchRun(runID) }
        let probe = probe
        guard try await store.claimRun(id: runID, owner: environment.owner(), ownerIsGone: { probe.isGone($0) }) else {
            let owner = run.owner.map { "pid \($0.pid) on \($0.host)" } ?? "another process"
            throw RunRefusal.alreadyRunning(runID, owner: owner)
        }
        let attempts = try await markInterrupted(try await store.attempts(runID: runID))
        let missing = MissingArtifacts.steps(attempts, state: environment.folders.state)
        let (point, found) = ResumePoint.from(attempts, countFailures: true)
        let (resume, outputs) = MissingArtifacts.rerun(missing, point, found)
        return try await executor.execute(
            RunJob(
                run: run, account: account, mergedPipeline: mergedPipeline, resume: resume, outputs: outputs,
                observer: observer,
                cancellation: cancellation))
    }

    /// How a retry proceeds: an interrupted run is resumed in place; a failed one gets a new `retry` run.
    public enum RetryPlan: Sendable {
        case resume(RunRecord)
        case run(RunJob)
    }

    /// Records the `retry` run and its reused steps (or decides to resume), without executing anything.
    /// `configRevision`: the config the retry runs with (nil: the failed run's).
    public func prepareRetry(
        runID: String, account: Account, mergedPipeline: Pipeline, configRevision: String? = nil,
        observer: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) async throws -> RetryPlan {
        let store = environment.runs
        guard let old = try await store.run(id: runID) else { throw RunRefusal.noSuchRun(runID) }
        if old.status == .running { return .resume(old) }
        guard old.status == .failed || old.status == .cancelled else {
            throw RunRefusal.nothingToRetry(runID, old.status)
        }
        if let retry = try await store.retryRun(of: runID) { throw RunRefusal.alreadyRetried(runID, by: retry.id) }
        let run = RunRecords(environment: environment).retry(
            of: old, account: account, mergedPipeline: mergedPipeline, configRevision: configRevision)
        let now = run.createdAt
        _ = try await store.insertRun(run)
        let (previous, outputs) = ResumePoint.from(try await store.attempts(runID: runID), countFailures: false)
        let reused = previous.succeeded.filter { mergedPipeline.step($0) != nil }
        for step in reused.sorted() {
            try await store.insertAttempt(
                AttemptRecord(
                    runID: run.id, stepID: step, attempt: 0, status: .reused, outputs: outputs[step],
                    startedAt: now, finishedAt: now))
        }
        return .run(
            RunJob(
                run: run, account: account, mergedPipeline: mergedPipeline, resume: ResumePoint(succeeded: reused),
                outputs: outputs.filter { reused.contains($0.key) }, observer: observer))
    }

    private func markInterrupted(_ attempts: [AttemptRecord]) async throws -> [AttemptRecord] {
        var result: [AttemptRecord] = []
        for var attempt in attempts {
            if attempt.status == .running {
                let failure = StepFailure(.transient, "interrupted: the process running this attempt stopped.")
                try await environment.runs.finishAttempt(
                    runID: attempt.runID, stepID: attempt.stepID, attempt: attempt.attempt, status: .failed,
                    failure: failure, result: nil, at: environment.time.now())
                attempt.status = .failed
                attempt.failureKind = .transient
            }
            result.append(attempt)
        }
        return result
    }
}
