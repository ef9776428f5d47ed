import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerServer
import ShowrunnerSteps
import ShowrunnerStore
import UnixSignals

/// Builds the daemon from the config folder and runs it as one `ServiceGroup`: the HTTP API from the start (it
/// answers `starting` while the accounts load), beside `StartupLoad`, which loads the config folder and then runs
/// watcher → SIGHUP rescans → scheduler → run coordinator → …; SIGTERM/SIGINT stop them in reverse.
struct DaemonAssembly {
    let options: ConfigOptions
    let settings: DaemonSettings
    /// `showrunner.yaml` as read at start (nil when absent or invalid).
    let settingsAtStart: DaemonSettings?
    let registry: ConfigRegistry
    let store: any ShowrunnerStorage
    let logger: Logger
    /// Held while the daemon runs: a second daemon on the same state folder exits naming this one.
    let lock: DaemonLock

    init(options: ConfigOptions, listen: String?, watch: DaemonSettings.WatchMode?) async throws {
        self.options = options
        let directory = URL(fileURLWithPath: options.configDirectory, isDirectory: true)
        let loader = ConfigLoader(directory: options.configDirectory)
        registry = ConfigRegistry(
            loader: loader, secrets: loader.secretChecker(strict: false), revision: { GitRevision.read(directory) })
        settingsAtStart = loader.loadSettings()?.value
        var settings = settingsAtStart ?? DaemonSettings()
        if let listen { settings.listen = listen }
        if let watch { settings.watch = watch }
        self.settings = settings
        LogOutput.use(settings.logFormat)
        logger = Logger(label: "showrunner")
        let stateDirectory = Runtime.stateDirectory(options: options, settings: settings)
        try Runtime.requireConfigFolder(options)
        do {
            lock = try DaemonLock(stateDirectory: stateDirectory)
        } catch {
            throw CommandFailure("\(error)")
        }
        store = try await Runtime.openStore(in: stateDirectory, options: options, settings: settings)
    }

    func run() async throws {
        let prometheus = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: prometheus)
        factory.valueHistogramBuckets = [
            "showrunner_fire_lateness_seconds": [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30],
            "showrunner_step_duration_seconds": [0.01, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
        ]
        MetricsSystem.bootstrap(factory)
        let runtime = Runtime(options: options, settings: settings, store: store)
        let (dispatcher, alerts) = makeAlerts()
        let launcher = try runtime.launcher(
            logger: logger, runEvents: { alerts.runEvent(accountID: $0, runID: $1, event: $2) })
        let coordinator = RunCoordinator(
            launcher: launcher, accountStates: store, maxConcurrentRuns: settings.maxConcurrentRuns, logger: logger)
        let scheduler = Scheduler(
            coordinator: coordinator, accountStates: store, clock: ContinuousClock(), now: { Date() }, logger: logger,
            probe: launcher.probe)
        let events = LiveEventHub()
        let daemon = Daemon(
            registry: registry, scheduler: scheduler, coordinator: coordinator, store: store, logger: logger,
            settingsAtStart: settingsAtStart, events: events, reloadErrors: { alerts.configErrors($0) })
        // The live event first: it only publishes, while the scheduler reads the account's state from the store.
        let watch = AccountChangeWatch(scheduler: scheduler) { daemon.accountChanged($0, state: $1) }
        coordinator.setFinishListener(FinishListeners([events, watch, alerts]))
        coordinator.setActivityListener(events)
        let notifier = NotifySocket().map { socket in
            ServiceManagerNotifier(
                socket: socket, environment: ProcessInfo.processInfo.environment, logger: logger,
                status: { Self.status(daemon: daemon, coordinator: coordinator) })
        }
        let announcement = StartupAnnouncement(
            host: ListenAddress.parse(settings.listen)?.host ?? "127.0.0.1", ready: { await notifier?.ready() })
        let api = try makeAPI(daemon: daemon, prometheus: prometheus, events: events, announcement: announcement)
        let watcher = ConfigWatcher(
            registry: registry, mode: watchMode, debounce: settings.debounce, logger: logger,
            onChange: { await daemon.configChanged($0) })
        let hangUps = await UnixSignalsSequence(trapping: .sighup)  // trapped before the ready line is printed
        let cluster = clusterService(scheduler: scheduler, coordinator: coordinator)
        let claims = claimService(scheduler: scheduler, coordinator: coordinator, clustered: cluster != nil)
        let loaded = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: watcher),
                    .init(service: HangUpReload(signals: hangUps, daemon: daemon, logger: logger)),
                    .init(service: scheduler),
                    .init(service: CoordinatorService(coordinator: coordinator, grace: settings.shutdownGrace)),
                    .init(service: retentionSweeper()),
                    .init(service: dispatcher),
                ] + (cluster.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? [])
                    + (claims.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []),
                logger: logger))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(
                        service: StartupLoad(
                            daemon: daemon, watcher: watcher, announcement: announcement, services: loaded)),
                    .init(service: api),
                ] + (notifier.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []),
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        let keepAlive = Task { await notifier?.keepAlive() }
        defer { keepAlive.cancel() }
        try await group.run()
        logger.info("showrunner stopped")
    }

    /// Deletes old runs and artifacts by the retention settings.
    private func retentionSweeper() -> RetentionSweeper {
        RetentionSweeper(
            store: store, stateDirectory: Runtime.stateDirectory(options: options, settings: settings),
            limits: .init(
                runs: settings.runRetention, artifacts: settings.artifactRetention,
                maxRuns: settings.maxRunsPerAccount, maxArtifacts: settings.maxArtifactsPerAccount),
            logger: logger)
    }

    /// With a shared (PostgreSQL) store: this node's heartbeat and the takeover of dead nodes' runs.
    private func clusterService(scheduler: Scheduler, coordinator: RunCoordinator) -> ClusterService? {
        guard let registry = store as? any ClusterRegistry else { return nil }
        // SHOWRUNNER_NODE_NAME first: nodes deployed from one git folder keep one config revision.
        let name =
            ProcessInfo.processInfo.environment["SHOWRUNNER_NODE_NAME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? settings.nodeName ?? OwnerProbe.hostName
        let owner = OwnerProbe.current(now: Date()).host
        let capacity = settings.maxConcurrentRuns
        let labels = nodeLabels
        let started = Date()
        let directory = runtimeDirectory
        return ClusterService(
            registry: registry, scheduler: scheduler, coordinator: coordinator,
            node: {
                ClusterNode(
                    name: name, owner: owner, version: ClusterLease.version,
                    configRevision: GitRevision.read(directory),
                    capacity: capacity, running: coordinator.activeRunIDs.count, startedAt: started,
                    heartbeatAt: Date(),
                    labels: labels)
            }, logger: logger)
    }

    /// With a shared store: queued runs are claimed by the nodes with free slots and matching labels.
    private func claimService(scheduler: Scheduler, coordinator: RunCoordinator, clustered: Bool) -> RunClaimService? {
        guard clustered, let claims = store as? any QueuedRunClaims else { return nil }
        return RunClaimService(
            claims: claims, notifications: store as? any QueuedRunNotifications, scheduler: scheduler,
            coordinator: coordinator, labels: nodeLabels, lease: ClusterLease.lease, logger: logger,
            cancels: store as? any RunCancelRequests)
    }

    /// `SHOWRUNNER_NODE_LABELS` (comma-separated) first, like the name: else `node.labels`.
    private var nodeLabels: [String] {
        guard let text = ProcessInfo.processInfo.environment["SHOWRUNNER_NODE_LABELS"] else {
            return settings.nodeLabels
        }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private var watchMode: ConfigWatcher.Mode {
        switch settings.watch {
        case .inotify: .inotify
        case .poll: .poll(interval: .seconds(2))
        case .off: .off
        }
    }

    /// Alerts: the background sender and the listener that feeds it (`notify:` of showrunner.yaml and accounts).
    private func makeAlerts() -> (AlertDispatcher, AlertListener) {
        let resolver = SecretResolver(configDirectory: runtimeDirectory)
        let http = HTTPClient(timeout: .seconds(10))
        var policy = Self.alertPolicy
        if store is any ClusterRegistry {  // shared: take over only what no live node can still be retrying
            policy.takeOverAfter = (policy.backoff.max() ?? .zero) + policy.timeout + .seconds(30)
        }
        let dispatcher = AlertDispatcher(
            global: settings.notify, targets: { [registry] in registry.goodVersion($0)?.account.notify ?? [] },
            log: alertLog, send: { try await http.send($0) },
            resolve: { reference in try resolver.resolveAll(in: reference) }, policy: policy,
            logger: logger)
        return (dispatcher, AlertListener(dispatcher: dispatcher, accountStates: store, history: store))
    }

    /// `SHOWRUNNER_ALERT_BACKOFF` (comma-separated durations, for tests) replaces the default backoff.
    static var alertPolicy: AlertDispatcher.Policy {
        var policy = AlertDispatcher.Policy()
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["SHOWRUNNER_ALERT_BACKOFF"] {
            policy.backoff = text.split(separator: ",").compactMap { try? Duration(parsing: String($0)) }
        }
        if let text = environment["SHOWRUNNER_ALERT_TIMEOUT"], let timeout = try? Duration(parsing: text) {
            policy.timeout = timeout
        }
        return policy
    }

    /// The service manager's status line: enabled accounts with a good version (as the start-up line counts them)
    /// and running runs.
    static func status(daemon: Daemon, coordinator: RunCoordinator) -> String {
        let accounts = daemon.scheduledAccounts().count { $0.account.enabled }
        return "\(accounts) accounts scheduled, \(coordinator.activeRunIDs.count) runs running"
    }

    /// Measures the state folder's run folders and `out/` for `/api/disk`.
    private func diskScanner() -> DiskUsageScanner {
        let counting = store as? any RunCountRetention
        return DiskUsageScanner(
            stateDirectory: Runtime.stateDirectory(options: options, settings: settings),
            outputFolder: runtimeDirectory.appendingPathComponent("out"),
            accounts: { try await counting?.accounts(ofRuns: $0) ?? [:] })
    }

    private func makeAPI(
        daemon: Daemon, prometheus: PrometheusCollectorRegistry, events: LiveEventHub,
        announcement: StartupAnnouncement
    ) throws -> APIServer {
        let resolver = SecretResolver(configDirectory: runtimeDirectory)
        let token: String?
        do {
            token = try settings.apiToken.map { reference throws(StepFailure) in try resolver.resolveAll(in: reference)
            }
        } catch {
            throw CommandFailure("api_token: \(error.message)")
        }
        do {
            let dashboard = Dashboard(
                events: events, stateDirectory: Runtime.stateDirectory(options: options, settings: settings),
                redactor: Redactor(secrets: token.map { [$0] } ?? []), channelRuns: store)
            return try APIServer(
                control: daemon, runs: store, prometheus: prometheus, token: token, listen: settings.listen,
                logger: logger, dashboard: dashboard, alerts: alertLog,
                stats: store, quota: store, disk: diskScanner().scan,
                onServerRunning: { port in await announcement.serverRunning(port: port) })
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// The store's alert deliveries (SQLite and PostgreSQL both keep them).
    private var alertLog: any AlertLog { (store as? any AlertLog) ?? NoAlertLog() }

    private var runtimeDirectory: URL { URL(fileURLWithPath: options.configDirectory, isDirectory: true) }
}
