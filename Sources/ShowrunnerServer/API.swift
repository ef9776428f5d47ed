import Foundation
import Hummingbird
import Logging
import Prometheus
import ShowrunnerCore
import ShowrunnerEngine

/// The HTTP API of SPEC §8 as a Hummingbird router.
///
/// Every `/api/*` route needs `Authorization: Bearer <token>` when `token` is non-nil; `/healthz` and `/metrics`
/// stay open. `prometheus` is the daemon's metrics registry (nil: `/metrics` answers 404).
public func makeAPI(
    control: any DaemonControl, runs: any RunHistory, prometheus: PrometheusCollectorRegistry?, token: String?,
    logger: Logger, dashboard: Dashboard? = nil, alerts: (any AlertLog)? = nil, stats: (any StatsReading)? = nil,
    quota: (any QuotaReading)? = nil, disk: (@Sendable () async throws -> DiskUsageReport)? = nil
) -> Router<BasicRequestContext> {
    makeAPI(
        control: control, runs: runs, prometheus: prometheus, token: token, logger: logger, now: { Date() },
        dashboard: dashboard, alerts: alerts, stats: stats, quota: quota, disk: disk)
}

/// The seam: `now` is the clock `/healthz` measures the heartbeat's age with (and the dashboard's "today"). With
/// `dashboard`, the pages are served too and the token (or a signed-in session) protects them as well; `source`
/// replaces the daemon as the source of the dashboard's data. `stats` and `quota` are the store's statistics and
/// quota ledger (nil: `/api/stats` and `/api/quota` are not routed and their pages say so).
func makeAPI(
    control: any DaemonControl, runs: any RunHistory, prometheus: PrometheusCollectorRegistry?, token: String?,
    logger: Logger, now: @escaping @Sendable () -> Date, dashboard: Dashboard? = nil,
    source: (any DashboardSource)? = nil, alerts: (any AlertLog)? = nil, stats: (any StatsReading)? = nil,
    quota: (any QuotaReading)? = nil, disk: (@Sendable () async throws -> DiskUsageReport)? = nil
) -> Router<BasicRequestContext> {
    let router = Router()
    // Middleware applies to the routes added after it, and to the "no route" answer.
    router.add(middleware: RequestLogMiddleware(logger: logger))
    if dashboard != nil { router.add(middleware: SecurityHeadersMiddleware()) }
    router.add(middleware: ErrorMiddleware(logger: logger))
    router.add(middleware: BearerAuthMiddleware(token: token, sessions: dashboard?.sessions))
    router.add(middleware: MethodNotAllowedMiddleware(routes: OpenAPIDocument.showrunner.routes))
    router.add(middleware: StartingMiddleware(control: control))

    JobsController(control: control, runs: runs).addRoutes(to: router)
    AccountsController(control: control).addRoutes(to: router)
    RunsController(control: control, runs: runs).addRoutes(to: router)
    ConfigController(control: control).addRoutes(to: router)
    ClusterController(control: control).addRoutes(to: router)
    AlertsController(alerts: alerts).addRoutes(to: router)
    DiskController(disk: disk).addRoutes(to: router)
    let data = DashboardData(source: source ?? control as? any DashboardSource, stats: stats, quota: quota, now: now)
    DashboardDataController(data: data).addRoutes(to: router)
    HealthController(control: control, now: now).addRoutes(to: router)
    MetricsController(prometheus: prometheus, control: control).addRoutes(to: router)
    OpenAPIController(document: .showrunner).addRoutes(to: router)
    EventsController(hub: dashboard?.events ?? LiveEventHub()).addRoutes(to: router)
    if let dashboard {
        dashboard.warmUp.set { await data.warm() }
        let gate = DashboardGate(sessions: dashboard.sessions, token: token)
        gate.addRoutes(to: router)
        DashboardController(
            control: control, runs: runs, dashboard: dashboard, gate: gate, data: data,
            channelRuns: dashboard.channelRuns, now: now
        ).addRoutes(to: router)
    }
    return router
}
