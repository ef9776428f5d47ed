import Logging

/// What the executor tells the operator: logs, metrics, and store writes waiting to be retried (`/healthz`).
public struct ExecutionReporting: Sendable {
    public var logger: Logger
    public var metrics: SchedulerMetrics
    public var storeHealth: StoreHealth

    public init(
        logger: Logger, metrics: SchedulerMetrics = SchedulerMetrics(), storeHealth: StoreHealth = StoreHealth()
    ) {
        self.logger = logger
        self.metrics = metrics
        self.storeHealth = storeHealth
    }
}
