import CoreMetrics
import Foundation
import ShowrunnerCore

/// The scheduler's and executor's metrics, through swift-metrics (Prometheus in the daemon). The factory is a
/// parameter so tests can read what was recorded without bootstrapping the process-wide system.
public struct SchedulerMetrics: Sendable {
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory = MetricsSystem.factory) { self.factory = factory }

    /// When the scheduler handled the fire − its scheduled instant.
    public func recordLateness(_ seconds: Double, accountID: String) {
        Recorder(label: "showrunner_fire_lateness_seconds", dimensions: [], aggregate: true, factory: factory)
            .record(max(0, seconds))
    }

    /// A run ended with `status` (its success time is `recordLastSuccess`'s).
    public func recordRun(accountID: String, status: RunStatus) {
        Counter(
            label: "showrunner_runs_total", dimensions: [("account", accountID), ("status", status.rawValue)],
            factory: factory
        )
        .increment()
    }

    /// The account's last successful run (also restored from the store at start-up).
    public func recordLastSuccess(_ date: Date, accountID: String) {
        Gauge(
            label: "showrunner_last_success_timestamp_seconds", dimensions: [("account", accountID)], factory: factory
        )
        .record(date.timeIntervalSince1970)
    }

    public func recordNextFire(_ date: Date?, accountID: String) {
        Gauge(label: "showrunner_next_fire_timestamp_seconds", dimensions: [("account", accountID)], factory: factory)
            .record(date?.timeIntervalSince1970 ?? 0)
    }

    public func recordStep(kind: String, seconds: Double, succeeded: Bool) {
        Recorder(
            label: "showrunner_step_duration_seconds",
            dimensions: [("kind", kind), ("result", succeeded ? "succeeded" : "failed")],
            aggregate: true, factory: factory
        ).record(seconds)
    }

    public func recordReload(errors: Int) {
        Counter(label: "showrunner_reloads_total", dimensions: [], factory: factory).increment()
        if errors > 0 {
            Counter(label: "showrunner_reload_errors_total", dimensions: [], factory: factory).increment(by: errors)
        }
    }
}
