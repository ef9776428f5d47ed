import Foundation
import ShowrunnerCore

/// What happens during a run, for live progress (`trigger` on a terminal) and logs.
public enum RunEvent: Sendable, Equatable {
    case runStarted(runID: String, accountID: String)
    case stepStarted(step: String, attempt: Int)
    case stepProgress(step: String, message: String)
    case stepSucceeded(step: String, attempt: Int, seconds: Double)
    case stepFailed(step: String, attempt: Int, failure: StepFailure, seconds: Double)
    case retryScheduled(step: String, after: Duration)
    case stepSkipped(step: String, reason: String)
    /// What a dry run would have done (`--dry-run` describes side effects instead of performing them).
    case stepNote(step: String, message: String)
    case runFinished(runID: String, outcome: RunOutcome)
    /// The process is stopping; the run is left `running` so the next start resumes it.
    case runInterrupted(runID: String)
}
