import Foundation
import Logging
import ShowrunnerCore

/// The seams of the executor: store, step kinds, time, randomness, secrets, folders. Tests pass fakes.
public struct ExecutionEnvironment: Sendable {
    public var store: any RunStore
    public var topics: any TopicStore
    public var steps: [String: any Step]
    /// The account's recent titles, for `topic.llm`'s `avoid_recent`.
    public var recentTitles: any RecentTitles
    public var clock: any Clock<Duration>
    public var now: @Sendable () -> Date
    /// A retry-delay jitter factor in 0.8...1.2.
    public var jitter: @Sendable () -> Double
    public var randomIndex: @Sendable (Int) -> Int
    public var resolveSecret: SecretReference.Resolver
    /// `STATE`: artifacts go to `STATE/runs/<run-id>/<step-id>/`.
    public var stateDirectory: URL
    public var configDirectory: URL
    public var settings: DaemonSettings
    public var owner: @Sendable () -> RunOwner
    public var logger: Logger
    public var maxParallelSteps: Int
    /// Per-kind bounds shared by every run (video: one per core).
    public var kindLimiter: KindLimiter
    public var metrics: SchedulerMetrics
    public var heartbeatInterval: Duration
    /// Store writes that failed and wait to be retried (`/healthz`).
    public var storeHealth: StoreHealth

    public init(
        store: any RunStore, topics: any TopicStore, steps: [String: any Step],
        recentTitles: any RecentTitles = NoRecentTitles(), clock: any Clock<Duration>,
        now: @escaping @Sendable () -> Date, jitter: @escaping @Sendable () -> Double,
        randomIndex: @escaping @Sendable (Int) -> Int,
        resolveSecret: @escaping SecretReference.Resolver, stateDirectory: URL,
        configDirectory: URL, settings: DaemonSettings, owner: @escaping @Sendable () -> RunOwner, logger: Logger,
        maxParallelSteps: Int = 4, kindLimiter: KindLimiter = .standard, metrics: SchedulerMetrics = SchedulerMetrics(),
        heartbeatInterval: Duration = .seconds(15), storeHealth: StoreHealth = StoreHealth()
    ) {
        self.store = store
        self.topics = topics
        self.steps = steps
        self.recentTitles = recentTitles
        self.clock = clock
        self.now = now
        self.jitter = jitter
        self.randomIndex = randomIndex
        self.resolveSecret = resolveSecret
        self.stateDirectory = stateDirectory
        self.configDirectory = configDirectory
        self.settings = settings
        self.owner = owner
        self.logger = logger
        self.maxParallelSteps = maxParallelSteps
        self.kindLimiter = kindLimiter
        self.metrics = metrics
        self.heartbeatInterval = heartbeatInterval
        self.storeHealth = storeHealth
    }

    func artifactsDirectory(runID: String, stepID: String) -> URL {
        stateDirectory.appendingPathComponent("runs/\(runID)/\(stepID)", isDirectory: true)
    }
}
