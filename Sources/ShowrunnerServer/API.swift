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
    logger: Logger
) -> Router<BasicRequestContext> {
    makeAPI(control: control, runs: runs, prometheus: prometheus, token: token, logger: logger, now: { Date() })
}

/// The seam: `now` is the clock `/healthz` measures the heartbeat's age with.
func makeAPI(
    control: any DaemonControl, runs: any RunHistory, prometheus: PrometheusCollectorRegistry?, token: String?,
    logger: Logger, now: @escaping @Sendable () -> Date
) -> Router<BasicRequestContext> {
    let router = Router()
    // Middleware applies to the routes added after it, and to the "no route" answer.
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: ErrorMiddleware(logger: logger))
    router.add(middleware: BearerAuthMiddleware(token: token))
    router.add(middleware: MethodNotAllowedMiddleware(routes: OpenAPIDocument.showrunner.routes))

    JobsController(control: control, runs: runs).addRoutes(to: router)
    AccountsController(control: control).addRoutes(to: router)
    RunsController(control: control, runs: runs).addRoutes(to: router)
    ConfigController(control: control).addRoutes(to: router)
    ClusterController(control: control).addRoutes(to: router)
    HealthController(control: control, now: now).addRoutes(to: router)
    MetricsController(prometheus: prometheus, control: control).addRoutes(to: router)
    OpenAPIController(document: .showrunner).addRoutes(to: router)
    return router
}
