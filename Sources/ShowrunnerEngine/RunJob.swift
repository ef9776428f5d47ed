import Foundation
import ShowrunnerCore

/// One execution of a run: the record, the account and merged pipeline it runs, where it resumes from.
public struct RunJob: Sendable {
    public var run: RunRecord
    public var account: Account
    /// The account's pipeline with its overrides applied.
    public var mergedPipeline: Pipeline
    public var resume: ResumePoint
    /// Outputs of steps that already succeeded (resumed or reused).
    public var outputs: [String: [String: ConfigValue]]
    /// Steps with side effects are described, not performed.
    public var dryRun: Bool
    public var observer: @Sendable (RunEvent) -> Void
    /// The user's cancel request, fed to the state machine.
    public var cancellation: RunCancellation
    /// The coordinator already recorded the run `running` (with the runs started beside it, in one write).
    public var markedRunning = false

    public init(
        run: RunRecord, account: Account, mergedPipeline: Pipeline, resume: ResumePoint = ResumePoint(),
        outputs: [String: [String: ConfigValue]] = [:], dryRun: Bool = false,
        observer: @escaping @Sendable (RunEvent) -> Void = { _ in }, cancellation: RunCancellation = RunCancellation()
    ) {
        self.run = run
        self.account = account
        self.mergedPipeline = mergedPipeline
        self.resume = resume
        self.outputs = outputs
        self.dryRun = dryRun
        self.observer = observer
        self.cancellation = cancellation
    }
}
