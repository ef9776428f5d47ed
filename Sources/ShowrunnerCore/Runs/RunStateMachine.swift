import Foundation

/// The logic of one run as a value: it decides which steps start, retry, are skipped, and how the run ends.
/// The executor performs the actions it returns (STYLE habit 2).
public struct RunStateMachine: Sendable {
    public enum StepState: Sendable, Equatable {
        case pending
        case running(attempt: Int)
        /// A retry is scheduled.
        case waiting
        case succeeded
        case failed(FailureKind, optional: Bool)
        case skipped
    }

    public let mergedPipeline: Pipeline
    public private(set) var states: [String: StepState] = [:]
    private var lastAttempt: [String: Int]
    private var countedFailures: [String: Int]
    private var firstFailure: String?
    private var cancelled = false
    /// A step decided the run has nothing to do: nothing new starts, and the run ends `skipped`.
    private var skip: RunSkip?
    private var finished = false
    private let maxParallelSteps: Int

    public init(mergedPipeline: Pipeline, resume: ResumePoint = ResumePoint(), maxParallelSteps: Int = 4) {
        self.mergedPipeline = mergedPipeline
        self.maxParallelSteps = max(1, maxParallelSteps)
        lastAttempt = resume.lastAttempt
        countedFailures = resume.countedFailures
        for step in mergedPipeline.steps {
            if resume.succeeded.contains(step.id) {
                states[step.id] = .succeeded
            } else if countedFailures[step.id, default: 0] >= step.retry.attempts {
                states[step.id] = .failed(.transient, optional: step.optional)
                if !step.optional { firstFailure = firstFailure ?? "step '\(step.id)' ran out of attempts" }
            } else {
                states[step.id] = .pending
            }
        }
    }

    public mutating func start() -> [RunAction] { advance() }

    /// `skipping`: the step found nothing to do, so the steps not started yet are skipped and the run ends
    /// `skipped`.
    public mutating func stepSucceeded(_ id: String, skipping: RunSkip? = nil) -> [RunAction] {
        states[id] = .succeeded
        if let skipping, skip == nil { skip = skipping }
        return advance()
    }

    /// `jitter` in 0.8...1.2 is drawn by the caller; `now` places a quota wait that names no end at the reset.
    public mutating func stepFailed(_ id: String, _ failure: StepFailure, jitter: Double, at now: Date) -> [RunAction] {
        guard let step = mergedPipeline.step(id) else { return advance() }
        if Self.countsAgainstRetries(failure.kind) { countedFailures[id, default: 0] += 1 }
        if !cancelled, let wait = retryDelay(step, failure, jitter: jitter, now: now) {
            states[id] = .waiting
            return [.retry(step: id, after: wait)] + advance()
        }
        states[id] = .failed(failure.kind, optional: step.optional)
        if !step.optional, firstFailure == nil { firstFailure = "step '\(id)' failed: \(failure.message)" }
        return advance()
    }

    /// A scheduled retry's wait is over.
    public mutating func retryDue(_ id: String) -> [RunAction] {
        if states[id] == .waiting { states[id] = .pending }
        return advance()
    }

    /// The user cancelled the run: no new attempt starts, waiting retries are dropped, running attempts are
    /// stopped (`stopAttempts`) and reported back as failed; the run ends `cancelled`.
    public mutating func cancel() -> [RunAction] {
        guard !cancelled, !finished else { return [] }
        cancelled = true
        let running = states.values.contains { if case .running = $0 { true } else { false } }
        return (running ? [.stopAttempts] : []) + advance()
    }

    /// Whether a failure of this kind uses up one of the step's attempts: a quota failure does not (it waits for
    /// the reset instead). The one place this is decided, for running and for resumed runs.
    public static func countsAgainstRetries(_ kind: FailureKind) -> Bool { kind != .quota }

    /// How long a quota failure waits: the provider's `retryAfter`, else until the daily reset (midnight Pacific
    /// time, when YouTube's quota resets).
    public static func quotaWait(_ failure: StepFailure, now: Date) -> Duration {
        failure.retryAfter ?? PacificDay(containing: now).timeUntilReset(from: now)
    }

    public var isFinished: Bool { finished }

    /// Cancelled or skipped: no new attempt starts.
    private var isStopping: Bool { cancelled || skip != nil }

    private func retryDelay(_ step: PipelineStep, _ failure: StepFailure, jitter: Double, now: Date) -> Duration? {
        if failure.kind == .quota { return Self.quotaWait(failure, now: now) }
        return step.retry.delay(
            afterFailures: countedFailures[step.id, default: 0], kind: failure.kind, jitter: jitter,
            retryAfter: failure.retryAfter)
    }

    private mutating func advance() -> [RunAction] {
        guard !finished else { return [] }
        var actions = skipBlockedSteps()
        var running = states.values.count { if case .running = $0 { true } else { false } }
        for step in mergedPipeline.steps where !isStopping && running < maxParallelSteps && states[step.id] == .pending
        {
            guard step.needs.allSatisfy(isSatisfied) else { continue }
            let attempt = lastAttempt[step.id, default: 0] + 1
            lastAttempt[step.id] = attempt
            states[step.id] = .running(attempt: attempt)
            actions.append(.start(step: step.id, attempt: attempt))
            running += 1
        }
        if let outcome = outcomeIfDone() {
            finished = true
            actions.append(.finish(outcome))
        }
        return actions
    }

    /// Pending steps that can never run: a need failed (and is not optional) or was skipped; or the run is
    /// cancelled.
    private mutating func skipBlockedSteps() -> [RunAction] {
        var actions: [RunAction] = []
        var changed = true
        while changed {
            changed = false
            for step in mergedPipeline.steps
            where states[step.id] == .pending || (isStopping && states[step.id] == .waiting) {
                let reason: String?
                if cancelled {
                    reason = "the run was cancelled"
                } else if let skip {
                    reason = "the run was skipped: \(skip.reason)"
                } else if let blocker = step.needs.first(where: isBlocking) {
                    reason = "step '\(blocker)' did not succeed"
                } else {
                    reason = nil
                }
                guard let reason else { continue }
                states[step.id] = .skipped
                actions.append(.skip(step: step.id, reason: reason))
                changed = true
            }
        }
        return actions
    }

    private func isSatisfied(_ need: String) -> Bool {
        switch states[need] {
        case .succeeded, .failed(_, optional: true): true
        case nil: true  // validation rejects unknown needs; do not deadlock on them
        default: false
        }
    }

    private func isBlocking(_ need: String) -> Bool {
        switch states[need] {
        case .failed(_, optional: false), .skipped: true
        default: false
        }
    }

    private func outcomeIfDone() -> RunOutcome? {
        let active = states.values.contains { state in
            switch state {
            case .running, .waiting: true
            case .pending: !isStopping
            default: false
            }
        }
        guard !active else { return nil }
        if cancelled { return .cancelled }
        if let skip { return .skipped(skip) }
        if let firstFailure { return .failed(reason: firstFailure) }
        let skippedRequired = mergedPipeline.steps.first { states[$0.id] == .skipped && !$0.optional }
        if let skippedRequired { return .failed(reason: "step '\(skippedRequired.id)' was skipped") }
        return .succeeded
    }
}
