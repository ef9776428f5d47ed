import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

@testable import ShowrunnerServer

/// Starts the real API on 127.0.0.1, port 0, hands a client to the test, and shuts the server down gracefully.
struct APIHarness {
    var daemon: FakeDaemon
    var store: SQLiteStore
    var token: String?
    var prometheus: PrometheusCollectorRegistry?
    var now: @Sendable () -> Date = { Date() }
    var dashboard: (any DashboardSource)?
    var logger = Logger.silent

    init(
        daemon: FakeDaemon = FakeDaemon(), store: SQLiteStore? = nil, token: String? = nil,
        prometheus: PrometheusCollectorRegistry? = nil
    ) async throws {
        self.daemon = daemon
        if let store {
            self.store = store
        } else {
            self.store = try await Fixtures.store()
        }
        self.token = token
        self.prometheus = prometheus
    }

    func run(_ body: (APIClient) async throws -> Void) async throws {
        let router = makeAPI(
            control: daemon, runs: store, prometheus: prometheus, token: token, logger: logger, now: now,
            source: dashboard, stats: store, quota: store)
        try await Self.serve(logger: logger) { onRunning in
            APIServer(router: router, host: "127.0.0.1", port: 0, logger: logger, onServerRunning: onRunning)
        } body: { port in
            let client = APIClient(port: port, token: token)
            defer { client.session.invalidateAndCancel() }
            try await body(client)
        }
    }

    enum HarnessError: Error { case serverDidNotStart }

    /// Runs `makeServer`'s server in a `ServiceGroup` until `body` is done, then triggers a graceful shutdown and
    /// waits for it. No sleeping: the port comes from `onServerRunning`.
    static func serve(
        logger: Logger, makeServer: (@escaping @Sendable (Int) async -> Void) throws -> APIServer,
        body: (Int) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = try makeServer { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { continuation.finish() }
                try await group.run()
            }
            do {
                guard let port = await ports.first(where: { _ in true }) else { throw HarnessError.serverDidNotStart }
                try await body(port)
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

extension Logger {
    static let silent = Logger(label: "showrunner.server.tests", factory: { _ in SwiftLogNoOpLogHandler() })
}
