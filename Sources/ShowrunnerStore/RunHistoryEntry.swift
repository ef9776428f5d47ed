import ShowrunnerCore

/// A run as history shows it (a row of the `job_history` view): the run and how many attempts it made.
public struct RunHistoryEntry: Sendable, Equatable {
    public var run: RunRecord
    /// Attempts actually made, across all steps (skipped and reused steps are not attempts).
    public var attempts: Int
    public var failedAttempts: Int

    public init(run: RunRecord, attempts: Int, failedAttempts: Int) {
        self.run = run
        self.attempts = attempts
        self.failedAttempts = failedAttempts
    }
}
