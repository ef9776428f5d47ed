import Foundation

/// One run of an account's pipeline as the store keeps it.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: String
    public var accountID: String
    public var pipeline: String
    public var trigger: RunTrigger
    /// The fire instant for `schedule` and `catch_up` runs (unique per account); nil for manual runs.
    public var scheduledAt: Date?
    public var status: RunStatus
    /// Why it failed, was skipped or missed; one sentence, secrets removed.
    public var reason: String?
    /// The config's git commit (+ `-dirty`) when the run was made.
    public var configRevision: String?
    /// For `retry` runs: the failed run this one retries.
    public var retryOf: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Who recorded it while `queued`, who is executing it while `running`.
    public var owner: RunOwner?

    public init(
        id: String, accountID: String, pipeline: String, trigger: RunTrigger, scheduledAt: Date? = nil,
        status: RunStatus = .queued, reason: String? = nil, configRevision: String? = nil, retryOf: String? = nil,
        createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil, owner: RunOwner? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.pipeline = pipeline
        self.trigger = trigger
        self.scheduledAt = scheduledAt
        self.status = status
        self.reason = reason
        self.configRevision = configRevision
        self.retryOf = retryOf
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.owner = owner
    }
}

/// The process executing a run: a run whose owner is gone may be taken over (resume, `retry`).
public struct RunOwner: Sendable, Equatable, Codable {
    public var host: String
    public var pid: Int32
    public var heartbeatAt: Date

    public init(host: String, pid: Int32, heartbeatAt: Date) {
        self.host = host
        self.pid = pid
        self.heartbeatAt = heartbeatAt
    }
}
