/// What the executor must do next for a run; returned by `RunStateMachine`, performed by the executor.
public enum RunAction: Sendable, Equatable {
    /// Record the attempt, then run it.
    case start(step: String, attempt: Int)
    /// Wait, then report `retryDue(step)`.
    case retry(step: String, after: Duration)
    /// Record that the step will not run.
    case skip(step: String, reason: String)
    /// The run was cancelled: stop the running attempts (they are reported back as failed).
    case stopAttempts
    case finish(RunOutcome)
}

/// How a run ended.
public enum RunOutcome: Sendable, Equatable {
    case succeeded
    /// The first failure that decided it, in one sentence.
    case failed(reason: String)
    case cancelled
    /// A step found nothing to do (see `RunSkip`).
    case skipped(RunSkip)

    public var status: RunStatus {
        switch self {
        case .succeeded: .succeeded
        case .failed: .failed
        case .cancelled: .cancelled
        case .skipped: .skipped
        }
    }

    /// Why it did not succeed, as recorded on the run.
    public var reason: String? {
        switch self {
        case .failed(let reason): reason
        case .skipped(let skip): skip.reason
        case .cancelled: "cancelled by request"
        case .succeeded: nil
        }
    }
}
