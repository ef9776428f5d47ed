import ShowrunnerCore

/// A valid account as the scheduler receives it from the config: the account, its merged pipeline, and the hash
/// of its file (a job removed through the API comes back when the hash changes).
public struct ScheduledAccount: Sendable, Equatable {
    public var account: Account
    public var mergedPipeline: Pipeline
    public var contentHash: String
    public var configRevision: String?

    public init(account: Account, mergedPipeline: Pipeline, contentHash: String, configRevision: String? = nil) {
        self.account = account
        self.mergedPipeline = mergedPipeline
        self.contentHash = contentHash
        self.configRevision = configRevision
    }

    /// The same file content, account and pipeline (the revision alone does not reschedule).
    func isSame(as other: ScheduledAccount) -> Bool {
        contentHash == other.contentHash && mergedPipeline == other.mergedPipeline && account == other.account
    }
}
