import Foundation
import ShowrunnerCore

/// The seams of the executor: stores, step kinds, time, randomness, folders, limits, secrets. Tests pass fakes.
public struct ExecutionEnvironment: Sendable {
    /// Where runs and attempts are recorded.
    public var runs: any RunStore
    /// The stores every step attempt gets in its context.
    public var stepStores: StepStores
    public var steps: [String: any Step]
    public var time: ExecutionTime
    public var randomness: ExecutionRandomness
    public var folders: ExecutionFolders
    public var limits: ExecutionLimits
    public var settings: DaemonSettings
    public var resolveSecret: SecretReference.Resolver
    /// Who this process is, as a run's owner records it (with a fresh heartbeat time).
    public var owner: @Sendable () -> RunOwner
    public var reporting: ExecutionReporting

    public init(
        runs: any RunStore, stepStores: StepStores, steps: [String: any Step], time: ExecutionTime,
        randomness: ExecutionRandomness = ExecutionRandomness(), folders: ExecutionFolders,
        limits: ExecutionLimits = ExecutionLimits(), settings: DaemonSettings,
        resolveSecret: @escaping SecretReference.Resolver, owner: @escaping @Sendable () -> RunOwner,
        reporting: ExecutionReporting
    ) {
        self.runs = runs
        self.stepStores = stepStores
        self.steps = steps
        self.time = time
        self.randomness = randomness
        self.folders = folders
        self.limits = limits
        self.settings = settings
        self.resolveSecret = resolveSecret
        self.owner = owner
        self.reporting = reporting
    }
}
