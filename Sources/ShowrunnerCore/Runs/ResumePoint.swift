/// What a run already did, so the state machine continues where it stopped instead of starting over.
public struct ResumePoint: Sendable, Equatable {
    /// Steps whose outputs are available (succeeded, or reused from the run being retried).
    public var succeeded: Set<String>
    /// The highest attempt number recorded per step; new attempts continue the numbering.
    public var lastAttempt: [String: Int]
    /// Failures that count against each step's retry budget (a manual retry starts a fresh budget).
    public var countedFailures: [String: Int]

    public init(succeeded: Set<String> = [], lastAttempt: [String: Int] = [:], countedFailures: [String: Int] = [:]) {
        self.succeeded = succeeded
        self.lastAttempt = lastAttempt
        self.countedFailures = countedFailures
    }
}
