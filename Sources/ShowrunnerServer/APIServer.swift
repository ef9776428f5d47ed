import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import ShowrunnerCore
import ShowrunnerEngine

/// The HTTP API as a ServiceLifecycle `Service`: add it last to the daemon's `ServiceGroup`, so a graceful shutdown
/// stops it first. Graceful shutdown lets requests in flight finish.
public struct APIServer: Service {
    let application: Application<RouterResponder<BasicRequestContext>>

    /// Refuses (with `ListenPolicy.ListenError`) a listen address that is malformed, or not a loopback address while
    /// `token` is nil or empty. `onServerRunning` receives the bound port (useful with port 0).
    public init(
        control: any DaemonControl, runs: any RunHistory, prometheus: PrometheusCollectorRegistry?, token: String?,
        listen: String, logger: Logger, dashboard: Dashboard? = nil, alerts: (any AlertLog)? = nil,
        stats: (any StatsReading)? = nil, quota: (any QuotaReading)? = nil,
        disk: (@Sendable () async throws -> DiskUsageReport)? = nil,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws {
        let address = try ListenPolicy.check(address: listen, token: token)
        let router = makeAPI(
            control: control, runs: runs, prometheus: prometheus, token: token, logger: logger, dashboard: dashboard,
            alerts: alerts, stats: stats, quota: quota, disk: disk)
        self.init(
            router: router, host: address.host, port: address.port, logger: logger,
            onServerRunning: { port in
                await onServerRunning(port)
                dashboard?.warmUp.start()
            })
    }

    /// The seam for tests: any router, no listen policy.
    init(
        router: Router<BasicRequestContext>, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void
    ) {
        application = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [UnparsableRequestHandler()])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "showrunner"),
            onServerRunning: { channel in
                logger.info(
                    "HTTP API listening", metadata: ["http.address": "\(host):\(channel.localAddress?.port ?? port)"])
                await onServerRunning(channel.localAddress?.port ?? port)
            },
            logger: logger)
    }

    public func run() async throws {
        try await application.run()
    }
}
