import Foundation

/// One attempt of one step of a run. Recorded before the attempt starts; completed when it ends.
public struct AttemptRecord: Sendable, Equatable, Codable {
    public var runID: String
    public var stepID: String
    /// 1-based, continuing across resumes and retries; 0 for a `skipped` or `reused` record.
    public var attempt: Int
    public var status: AttemptStatus
    public var failureKind: FailureKind?
    /// One sentence, secrets removed.
    public var error: String?
    /// The end of a subprocess's stderr (at most a few KB), secrets removed.
    public var stderrTail: String?
    public var outputs: [String: ConfigValue]?
    public var artifacts: [String]
    public var startedAt: Date
    public var finishedAt: Date?

    public init(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus = .running, failureKind: FailureKind? = nil,
        error: String? = nil, stderrTail: String? = nil, outputs: [String: ConfigValue]? = nil,
        artifacts: [String] = [], startedAt: Date, finishedAt: Date? = nil
    ) {
        self.runID = runID
        self.stepID = stepID
        self.attempt = attempt
        self.status = status
        self.failureKind = failureKind
        self.error = error
        self.stderrTail = stderrTail
        self.outputs = outputs
        self.artifacts = artifacts
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
