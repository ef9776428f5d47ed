import Logging

/// What the executor tells the operator: logs, metrics, and store writes waiting to be retried (`/healthz`).
public struct ExecutionReporting: Sendable {
    public var logger: Logger
    public var metrics: SchedulerMetrics
    public var storeHealth: StoreHealth
    /// Every event of every run this process executes, with its account and run (the daemon's alerts).
    public var runEvents: @Sendable (_ accountID: String, _ runID: String, _ event: RunEvent) -> Void = { _, _, _ in }

    public init(
        logger: Logger, metrics: SchedulerMetrics = SchedulerMetrics(), storeHealth: StoreHealth = StoreHealth()
    ) {
        self.logger = logger
        self.metrics = metrics
        self.storeHealth = storeHealth
    }
}
