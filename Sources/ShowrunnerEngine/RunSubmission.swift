import Foundation
import ShowrunnerCore

/// A run to record and start: what `RunCoordinator.submit` takes, one per fire.
public struct RunSubmission: Sendable {
    public var account: Account
    public var mergedPipeline: Pipeline
    public var trigger: RunTrigger
    public var scheduledAt: Date?
    public var configRevision: String?
    /// Overlap `queue`: start only when the account has no active run.
    public var afterActiveRun: Bool
    /// On a cluster node, the account's policy for the store to apply across nodes (a fire); nil: not subject.
    public var overlap: Schedule.OverlapPolicy?

    public init(
        account: Account, mergedPipeline: Pipeline, trigger: RunTrigger, scheduledAt: Date?, configRevision: String?,
        afterActiveRun: Bool = false, overlap: Schedule.OverlapPolicy? = nil
    ) {
        self.account = account
        self.mergedPipeline = mergedPipeline
        self.trigger = trigger
        self.scheduledAt = scheduledAt
        self.configRevision = configRevision
        self.afterActiveRun = afterActiveRun
        self.overlap = overlap
    }
}
