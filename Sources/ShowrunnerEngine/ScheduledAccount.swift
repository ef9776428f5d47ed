import ShowrunnerCore

/// A valid account as the scheduler receives it from the config: the account, its pipeline, and the hash of its
/// file (a job removed through the API comes back when the hash changes).
public struct ScheduledAccount: Sendable, Equatable {
    public var account: Account
    /// Before the account's step overrides: shared by the accounts on the same pipeline.
    public var pipeline: Pipeline
    public var contentHash: String
    public var configRevision: String?

    public init(account: Account, pipeline: Pipeline, contentHash: String, configRevision: String? = nil) {
        self.account = account
        self.pipeline = pipeline
        self.contentHash = contentHash
        self.configRevision = configRevision
    }

    /// The pipeline with the account's step overrides applied, merged when a run is submitted.
    public var mergedPipeline: Pipeline { pipeline.applying(account.stepOverrides) }

    /// The same file content, account and pipeline (the revision alone does not reschedule).
    func isSame(as other: ScheduledAccount) -> Bool {
        contentHash == other.contentHash && pipeline == other.pipeline && account == other.account
    }
}
