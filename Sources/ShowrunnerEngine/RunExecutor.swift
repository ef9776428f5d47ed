import Foundation
import Logging
import ShowrunnerCore

/// Performs a run: asks the `RunStateMachine` what to do, does it (store writes first), and feeds the results
/// back. Independent steps run concurrently; retries wait on the environment's clock.
public struct RunExecutor: Sendable {
    public let environment: ExecutionEnvironment

    public init(environment: ExecutionEnvironment) { self.environment = environment }

    private enum Event: Sendable {
        case attemptEnded(step: String, attempt: Int, result: Result<StepResult, StepFailure>, seconds: Double)
        case retryDue(step: String)
        /// The user asked to cancel the run.
        case cancelRequested
        /// A wait that ended without news (a retry dropped by a cancel, the cancel listener stopped).
        case none
    }

    /// Executes `job` to the end. Returns nil when the task was cancelled (shutdown): the run is left `running`
    /// with its in-flight attempts recorded as interrupted, so the next start resumes it.
    public func execute(_ job: RunJob) async throws -> RunOutcome? {
        if !job.markedRunning {
            try await environment.runs.updateRun(
                id: job.run.id, status: .running, reason: nil, owner: environment.owner(), at: environment.time.now())
        }
        job.observer(.runStarted(runID: job.run.id, accountID: job.account.id))
        logger(job).info("run started")
        return try await withThrowingTaskGroup(of: Void.self) { heartbeat in
            heartbeat.addTask { try await beat(job.run.id) }
            defer {
                heartbeat.cancelAll()
                environment.reporting.storeHealth.succeeded("heartbeat \(job.run.id)")  // no more beats to retry
            }
            return try await drive(job)
        }
    }

    private func drive(_ job: RunJob) async throws -> RunOutcome? {
        var machine = RunStateMachine(
            mergedPipeline: job.mergedPipeline, resume: job.resume,
            maxParallelSteps: environment.limits.maxParallelSteps)
        var outputs = job.outputs
        let runner = AttemptRunner(environment: environment, job: job)
        var stopping = false  // the user cancelled: the failures of the stopped attempts say so
        return try await withThrowingTaskGroup(of: Event.self, returning: RunOutcome?.self) { group in
            group.addTask { await job.cancellation.requested() ? .cancelRequested : .none }
            var actions = machine.start()
            while true {
                for action in actions {
                    if let outcome = try await perform(
                        action, job: job, runner: runner, outputs: outputs, stopping: &stopping, group: &group)
                    {
                        return outcome
                    }
                }
                guard let event = try await nextEvent(&group) else {
                    return try await interrupted(job, draining: &group)
                }
                actions = try await nextActions(
                    after: event, job: job, stopping: stopping, outputs: &outputs, machine: &machine)
            }
        }
    }

    /// Does what the state machine asked; returns the outcome once the run finished.
    private func perform(
        _ action: RunAction, job: RunJob, runner: AttemptRunner, outputs: [String: [String: ConfigValue]],
        stopping: inout Bool, group: inout ThrowingTaskGroup<Event, any Error>
    ) async throws -> RunOutcome? {
        switch action {
        case .start(let step, let attempt):
            try await begin(step, attempt: attempt, job: job)
            let definition = job.mergedPipeline.step(step)!
            let clock = ContinuousClock()
            group.addTask {
                let started = clock.now
                let result = await runner.run(definition, attempt: attempt, outputs: outputs)
                let elapsed = started.duration(to: clock.now)
                return .attemptEnded(step: step, attempt: attempt, result: result, seconds: elapsed.seconds)
            }
        case .retry(let step, let delay):
            job.observer(.retryScheduled(step: step, after: delay))
            let clock = environment.time.clock
            group.addTask {
                do { try await clock.sleep(for: delay) } catch { return .none }
                return .retryDue(step: step)
            }
        case .skip(let step, let reason):
            try await skip(step, reason: reason, job: job)
        case .stopAttempts:
            stopping = true
            group.cancelAll()
        case .finish(let outcome):
            group.cancelAll()  // the cancel listener
            try await finish(outcome, job: job)
            return outcome
        }
        return nil
    }

    /// Feeds what happened to the state machine (after recording it); returns what to do next.
    private func nextActions(
        after event: Event, job: RunJob, stopping: Bool, outputs: inout [String: [String: ConfigValue]],
        machine: inout RunStateMachine
    ) async throws -> [RunAction] {
        switch event {
        case .attemptEnded(let step, let attempt, var result, let seconds):
            if stopping, case .failure = result {
                result = .failure(StepFailure(.transient, "cancelled by request."))
            }
            return try await record(
                step, attempt: attempt, result: result, seconds: seconds, job: job, outputs: &outputs,
                machine: &machine)
        case .retryDue(let step):
            return machine.retryDue(step)
        case .cancelRequested:
            logger(job).notice("run cancelled by request")
            return machine.cancel()
        case .none:
            return []
        }
    }

    /// The next event, or nil when this task was cancelled (attempts still finishing are recorded first).
    private func nextEvent(_ group: inout ThrowingTaskGroup<Event, any Error>) async throws -> Event? {
        do {
            guard !Task.isCancelled, let event = try await group.next() else { return nil }
            return event
        } catch is CancellationError {
            return nil
        }
    }

    private func begin(_ step: String, attempt: Int, job: RunJob) async throws {
        let record = AttemptRecord(runID: job.run.id, stepID: step, attempt: attempt, startedAt: environment.time.now())
        try await environment.runs.insertAttempt(record)
        job.observer(.stepStarted(step: step, attempt: attempt))
        logger(job, step: step).info("step attempt started", metadata: ["step.attempt": "\(attempt)"])
    }

    private func record(
        _ step: String, attempt: Int, result: Result<StepResult, StepFailure>, seconds: Double, job: RunJob,
        outputs: inout [String: [String: ConfigValue]], machine: inout RunStateMachine
    ) async throws -> [RunAction] {
        let store = environment.runs
        if let kind = job.mergedPipeline.step(step)?.uses {
            environment.reporting.metrics.recordStep(
                kind: kind, seconds: seconds, succeeded: (try? result.get()) != nil)
        }
        switch result {
        case .success(let stepResult):
            try await store.finishAttempt(
                runID: job.run.id, stepID: step, attempt: attempt, status: .succeeded, failure: nil, result: stepResult,
                at: environment.time.now())
            outputs[step] = stepResult.outputs
            job.observer(.stepSucceeded(step: step, attempt: attempt, seconds: seconds))
            if job.dryRun, case .string(let text)? = stepResult.outputs["description"] {
                job.observer(.stepNote(step: step, message: text))
            }
            logger(job, step: step).info("step attempt succeeded", metadata: ["step.attempt": "\(attempt)"])
            return machine.stepSucceeded(step, skipping: stepResult.skipsRun)
        case .failure(let failure):
            try await store.finishAttempt(
                runID: job.run.id, stepID: step, attempt: attempt, status: .failed, failure: failure, result: nil,
                at: environment.time.now())
            job.observer(.stepFailed(step: step, attempt: attempt, failure: failure, seconds: seconds))
            logger(job, step: step).warning(
                "step attempt failed",
                metadata: [
                    "step.attempt": "\(attempt)", "failure.kind": "\(failure.kind.rawValue)",
                    "error": "\(failure.message)",
                ])
            return machine.stepFailed(
                step, failure, jitter: environment.randomness.jitter(), at: environment.time.now())
        }
    }

    private func skip(_ step: String, reason: String, job: RunJob) async throws {
        let record = AttemptRecord(
            runID: job.run.id, stepID: step, attempt: 0, status: .skipped, error: reason,
            startedAt: environment.time.now(),
            finishedAt: environment.time.now())
        try await environment.runs.insertAttempt(record)
        job.observer(.stepSkipped(step: step, reason: reason))
    }

    /// Records the outcome, retried until the store takes it (a full disk must not leave the run `running`).
    private func finish(_ outcome: RunOutcome, job: RunJob) async throws {
        let (store, now) = (environment.runs, environment.time.now)
        try await environment.writeUntilStored("run \(job.run.id)") {
            try await store.updateRun(
                id: job.run.id, status: outcome.status, reason: outcome.reason, owner: nil, at: now())
        }
        job.observer(.runFinished(runID: job.run.id, outcome: outcome))
        logger(job).info("run finished", metadata: ["run.status": "\(outcome.status.rawValue)"])
    }

    /// Cancelled: wait for running attempts to end (their processes are torn down), record them as interrupted,
    /// and leave the run `running` for the next start to resume.
    private func interrupted(
        _ job: RunJob, draining group: inout ThrowingTaskGroup<Event, any Error>
    ) async throws
        -> RunOutcome?
    {
        group.cancelAll()
        while let event = try? await group.next() {
            guard case .attemptEnded(let step, let attempt, let result, _) = event else { continue }
            let failure: StepFailure? = if case .failure(let failure) = result { failure } else { nil }
            let stepResult: StepResult? = if case .success(let value) = result { value } else { nil }
            let (store, now) = (environment.runs, environment.time.now())
            try await uncancelled {
                try await store.finishAttempt(
                    runID: job.run.id, stepID: step, attempt: attempt, status: failure == nil ? .succeeded : .failed,
                    failure: failure, result: stepResult, at: now)
            }
        }
        job.observer(.runInterrupted(runID: job.run.id))
        logger(job).notice("run interrupted; it will resume at the next start")
        return nil
    }

    /// Refreshes the owner's heartbeat; a refused write is reported and tried again at the next beat.
    private func beat(_ runID: String) async throws {
        let key = "heartbeat \(runID)"
        while true {
            try await environment.time.clock.sleep(for: environment.time.heartbeatInterval)
            do {
                try await environment.runs.heartbeat(runID: runID, at: environment.time.now())
                environment.reporting.storeHealth.succeeded(key)
            } catch {
                try Task.checkCancellation()
                environment.reporting.storeHealth.failed(key, error)
            }
        }
    }

    private func logger(_ job: RunJob, step: String? = nil) -> Logger {
        var logger = environment.reporting.logger
        logger[metadataKey: "account"] = "\(job.account.id)"
        logger[metadataKey: "run.id"] = "\(job.run.id)"
        if let step { logger[metadataKey: "step.id"] = "\(step)" }
        return logger
    }
}
