import Foundation
import Logging
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerSteps
import ShowrunnerStore

/// The composition root for commands that run pipelines: the validated config, the store, the run coordinator.
struct Runtime {
    let options: ConfigOptions
    let report: ValidationReport
    let settings: DaemonSettings
    let stateDirectory: URL
    let store: any ShowrunnerStorage

    /// Loads and validates the config folder and opens the store.
    init(options: ConfigOptions) async throws {
        self.options = options
        let loader = ConfigLoader(directory: options.configDirectory)
        let snapshot = loader.load()
        report = ConfigValidator(secrets: loader.secretChecker(strict: false)).validate(snapshot)
        settings = snapshot.daemonSettings
        stateDirectory = Self.stateDirectory(options: options, settings: settings)
        store = try await Self.openStore(in: stateDirectory, options: options, settings: settings)
    }

    /// For the daemon: an already open store, no validation report of its own.
    init(options: ConfigOptions, settings: DaemonSettings, store: any ShowrunnerStorage) {
        self.options = options
        self.settings = settings
        self.store = store
        report = ValidationReport(diagnostics: [], accounts: [])
        stateDirectory = Self.stateDirectory(options: options, settings: settings)
    }

    /// `--state`, else `state_dir` from showrunner.yaml (relative to the config folder), else `./state` there.
    static func stateDirectory(options: ConfigOptions, settings: DaemonSettings) -> URL {
        if let state = options.state { return URL(fileURLWithPath: state, isDirectory: true) }
        let base = URL(fileURLWithPath: options.configDirectory, isDirectory: true)
        return settings.stateDir.hasPrefix("/")
            ? URL(fileURLWithPath: settings.stateDir, isDirectory: true)
            : base.appendingPathComponent(settings.stateDir, isDirectory: true)
    }

    /// The store alone, for commands that only read history.
    static func openStore(options: ConfigOptions) async throws -> any ShowrunnerStorage {
        let settings = ConfigLoader(directory: options.configDirectory).loadSettings()?.value ?? DaemonSettings()
        return try await openStore(
            in: stateDirectory(options: options, settings: settings), options: options, settings: settings)
    }

    /// `store:` (`STATE/showrunner.sqlite` by default); a `CommandFailure` when the config folder has no
    /// `accounts.d/` (a command started in the wrong folder would otherwise create a store there) or the store
    /// cannot be opened.
    static func openStore(
        in stateDirectory: URL, options: ConfigOptions, settings: DaemonSettings
    ) async throws -> any ShowrunnerStorage {
        try requireConfigFolder(options)
        return try await StoreOpener.open(
            settings.store, stateDirectory: stateDirectory,
            configDirectory: URL(fileURLWithPath: options.configDirectory, isDirectory: true),
            logger: Logger(label: "showrunner.store"))
    }

    /// A `CommandFailure` unless `--config` is a config folder (it has `accounts.d/`).
    static func requireConfigFolder(_ options: ConfigOptions) throws {
        let accounts = URL(fileURLWithPath: options.configDirectory, isDirectory: true)
            .appendingPathComponent(ConfigFiles.accountsFolder).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: accounts, isDirectory: &isDirectory), isDirectory.boolValue else {
            let folder = options.configDirectory == "." ? "the current directory" : "'\(options.configDirectory)'"
            throw CommandFailure(
                "\(folder) is not a showrunner config folder: it has no \(ConfigFiles.accountsFolder)/ folder. "
                    + "Run this command in your config folder, pass --config DIR, or create one with 'showrunner init'."
            )
        }
    }

    /// The config's git commit (+ `-dirty`), recorded on the runs this command makes.
    var configRevision: String? { GitRevision.read(configDirectory) }

    var configDirectory: URL { URL(fileURLWithPath: options.configDirectory, isDirectory: true) }

    /// The account and its merged pipeline, or a `CommandFailure` with its diagnostics.
    func validAccount(_ id: String) throws -> (Account, Pipeline) {
        guard let account = report.accounts.first(where: { $0.id == id }) else {
            let hint = Suggestion.closest(to: id, in: report.accounts.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
            throw CommandFailure("no account '\(id)' in \(options.displayPath(ConfigFiles.accountsFolder))/.\(hint)")
        }
        guard account.isValid, let value = account.account, let mergedPipeline = account.mergedPipeline else {
            let problems = account.diagnostics.filter { $0.severity == .error }.map { "  " + $0.rendered }
            throw CommandFailure("account '\(id)' is not valid:\n" + problems.joined(separator: "\n"))
        }
        return (value, mergedPipeline)
    }

    /// The run coordinator of a command that runs pipelines, over the same store as the daemon (its overlap sees
    /// the daemon's runs). A dry run is recorded in a throwaway in-memory store (history and account state stay
    /// clean) and keeps its artifacts under `STATE/dry-runs/`; topics are read from the real store but not marked
    /// used.
    func coordinator(logger: Logger, dryRun: Bool = false) throws -> RunCoordinator {
        let throwaway: (any ShowrunnerStorage)? = dryRun ? try SQLiteStore.inMemory() : nil
        return RunCoordinator(
            launcher: try launcher(logger: logger, dryRun: dryRun, runs: throwaway),
            accountStates: throwaway ?? store, maxConcurrentRuns: settings.maxConcurrentRuns, logger: logger)
    }

    /// `runs`: where runs are recorded (default: the store); `runEvents`: told every run event (the daemon's alerts).
    func launcher(
        logger: Logger, dryRun: Bool = false, runs: (any ShowrunnerStorage)? = nil,
        runEvents: @escaping @Sendable (String, String, RunEvent) -> Void = { _, _, _ in }
    ) throws -> RunLauncher {
        let resolver = SecretResolver(configDirectory: configDirectory)
        let folder = dryRun ? stateDirectory.appendingPathComponent("dry-runs", isDirectory: true) : stateDirectory
        var reporting = ExecutionReporting(logger: logger)
        reporting.runEvents = runEvents
        let environment = ExecutionEnvironment(
            runs: runs ?? store,
            stepStores: StepStores(store),
            steps: Self.stepKinds(logger: logger, resolve: resolver),
            time: ExecutionTime(heartbeatInterval: ClusterLease.heartbeat(settings.store)),
            folders: ExecutionFolders(state: folder, config: configDirectory), settings: settings,
            resolveSecret: { reference throws(StepFailure) in try resolver.resolve(reference) },
            owner: { OwnerProbe.current(now: Date()) }, reporting: reporting)
        return RunLauncher(
            executor: RunExecutor(environment: environment),
            probe: OwnerProbe(staleAfter: ClusterLease.staleAfter(settings.store)))
    }

    /// Every built-in step kind: local and media, LLM, and YouTube.
    static func stepKinds(logger: Logger, resolve resolver: SecretResolver) -> [String: any Step] {
        let resolve: SecretReference.Resolver = { reference throws(StepFailure) in
            try resolver.resolve(reference)
        }
        let http = HTTPClient()
        return BuiltInSteps.standardSteps(httpClient: http, logger: logger, resolveSecret: resolve)
            .merging(BuiltInSteps.llmSteps(httpClient: http, resolveSecret: resolve)) { $1 }
            .merging(BuiltInSteps.youtubeSteps(resolveSecret: resolve)) { $1 }
    }
}
