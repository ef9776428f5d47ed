import Foundation
import Logging
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerSteps
import ShowrunnerStore
import Synchronization

/// The running daemon as the HTTP API sees it: config registry + scheduler + run coordinator over one store.
final class Daemon: DaemonControl {
    let registry: ConfigRegistry
    let scheduler: Scheduler
    let coordinator: RunCoordinator
    let store: any ShowrunnerStorage
    let logger: Logger
    /// `showrunner.yaml` as the daemon started with it: its settings apply at the next start.
    let settingsAtStart: DaemonSettings?
    /// Told the errors of each reload that found some (alerts).
    let reloadErrors: @Sendable ([Diagnostic]) -> Void
    /// The dashboard's live events (reload, diagnostics changed).
    let events: LiveEventHub
    /// `accountNames()` until the next config change (the channels page reads it on every request).
    /// A generation counter keeps a list computed before a change from being stored after it.
    private let names = Mutex<(generation: Int, list: [(id: String, name: String?)]?)>((0, nil))
    /// The last reload, for the dashboard.
    let reloadLog = ReloadLog()
    /// Counts the changes of the schedules made through the daemon (reload, pause, resume, removal): the
    /// dashboard's upcoming plan is kept until it moves.
    let scheduleChanges = Atomic<Int>(0)
    /// False until `loadConfig()` has scheduled the config folder's accounts.
    private let loaded = Atomic<Bool>(false)

    init(
        registry: ConfigRegistry, scheduler: Scheduler, coordinator: RunCoordinator, store: any ShowrunnerStorage,
        logger: Logger, settingsAtStart: DaemonSettings?, events: LiveEventHub = LiveEventHub(),
        reloadErrors: @escaping @Sendable ([Diagnostic]) -> Void = { _ in }
    ) {
        self.events = events
        self.reloadErrors = reloadErrors
        self.registry = registry
        self.scheduler = scheduler
        self.coordinator = coordinator
        self.store = store
        self.logger = logger
        self.settingsAtStart = settingsAtStart
    }

    /// The start-up load, while the API already answers `starting`: reads the config folder, schedules its
    /// accounts and builds their timetable; returns how many enabled accounts are scheduled.
    func loadConfig() async -> Int {
        registry.rescan()
        let accounts = scheduledAccounts()
        await scheduler.apply(accounts)
        // Every job has its next fire before the start-up line; a store that cannot be read fails the scheduler's
        // own start instead, as it did before.
        try? await scheduler.buildTimetable()
        names.withLock { $0 = ($0.generation + 1, nil) }  // what the dashboard read while loading is stale
        scheduleChanges.add(1, ordering: .relaxed)
        loaded.store(true, ordering: .releasing)
        return accounts.count { $0.account.enabled }
    }

    func loadingConfig() async -> Bool { !loaded.load(ordering: .acquiring) }

    /// The registry's last good versions, for the scheduler.
    func scheduledAccounts() -> [ScheduledAccount] { registry.goodVersions.map(Self.scheduled) }

    static func scheduled(_ version: ConfigRegistry.GoodVersion) -> ScheduledAccount {
        ScheduledAccount(
            account: version.account, pipeline: version.pipeline, contentHash: version.contentHash,
            configRevision: version.revision)
    }

    /// After the watcher applied a change set: only the accounts it applied or removed are touched.
    func configChanged(_ report: ReloadReport) async {
        // The registry's version now, not the report's verdict: a reload may have changed it since.
        let versions = (report.removed + report.applied).map { ($0, registry.goodVersion($0)) }
        let scheduled = versions.compactMap { $0.1.map(Self.scheduled) }
        let removed = versions.filter { $0.1 == nil }.map(\.0)
        await scheduler.update(scheduled: scheduled, removed: removed)
        scheduler.metrics.recordReload(errors: report.errors.count)
        reloadLog.record("watch", report, directory: registry.loader.directory)
        publishReload(report)  // after the record: a page re-read on the event shows this reload
        reloadErrors(report.errors)
        if registry.settings != settingsAtStart {
            logger.notice("showrunner.yaml changed; daemon settings apply at the next start (accounts apply now)")
        }
    }

    func jobs(accountID: String?) async -> [SchedulerJob] { scheduler.jobs(accountID: accountID) }

    func reload() async -> ReloadReport {
        let report = registry.rescan(force: true)
        await scheduler.apply(scheduledAccounts(), reload: true)
        scheduler.metrics.recordReload(errors: report.errors.count)
        reloadLog.record("reload", report, directory: registry.loader.directory)
        publishReload(report)
        reloadErrors(report.errors)
        return report
    }

    func trigger(accountID: String) async throws -> RunRecord? { try await scheduler.trigger(accountID) }

    func removeJob(id: String) async throws -> Bool {
        guard scheduler.isScheduled(id) else { return false }
        defer { scheduleChanges.add(1, ordering: .relaxed) }
        try await scheduler.remove(id)
        return true
    }

    func pause(accountID: String) async throws -> Bool {
        guard scheduler.isScheduled(accountID) else { return false }
        defer { scheduleChanges.add(1, ordering: .relaxed) }
        try await scheduler.pause(accountID)
        return true
    }

    func resume(accountID: String) async throws -> Bool {
        guard scheduler.isScheduled(accountID) else { return false }
        defer { scheduleChanges.add(1, ordering: .relaxed) }
        try await scheduler.resume(accountID)
        return true
    }

    func accounts() async -> [AccountStatus] {
        let states = (try? await store.accountStates()) ?? [:]
        let scheduled = Set(scheduler.jobs().lazy.filter { $0.nextRunAt != nil }.map(\.id))
        return registry.reportsByPath.values.map { report in
            status(of: report, state: states[report.id], scheduled: scheduled.contains(report.id))
        }.sorted { ($0.id, $0.file) < ($1.id, $1.file) }
    }

    /// Ids and names only: the channels page searches 10,000 of them without building every status.
    func accountNames() async -> [(id: String, name: String?)] {
        let (generation, cached) = names.withLock { ($0.generation, $0.list) }
        if let cached { return cached }
        let fresh = registry.reportsByPath.values.map { report in
            (id: report.id, name: report.account?.name ?? registry.goodVersion(report.id)?.account.name)
        }.sorted { $0.id < $1.id }
        names.withLock { if $0.generation == generation { $0.list = fresh } }
        return fresh
    }

    /// The statuses of one page of accounts (each file of a duplicated id), their states read in one store read.
    func accountStatuses(ids: [String]) async -> [AccountStatus] {
        let batch = try? await store.accountStates(ids: ids)
        var statuses: [AccountStatus] = []
        for id in ids {
            let state = batch?[id]
            let scheduled = scheduler.jobs(accountID: id).first?.nextRunAt != nil
            statuses += registry.reports(forID: id).map { status(of: $0, state: state, scheduled: scheduled) }
        }
        return statuses
    }

    /// One account, with a warning when a topic list will not last the coming week (read here only, not in the
    /// list of every account, so the list stays cheap with thousands of accounts).
    func account(id: String) async -> AccountStatus? {
        guard let report = registry.reports(forID: id).first else { return nil }
        let state = try? await store.accountState(id)
        var status = status(of: report, state: state, scheduled: scheduler.jobs(accountID: id).first?.nextRunAt != nil)
        if let good = registry.goodVersion(id) {
            let warnings = await TopicSupply.warnings(
                account: good.account, pipeline: good.pipeline, configDirectory: registry.loader.directory,
                now: Date(),
                usedTopics: { [store] list in try await store.usedTopics(accountID: id, list: list) })
            status.diagnostics += warnings.map { report.document.sourceMap.diagnostic(.warning, at: "pipeline", $0) }
        }
        return status
    }

    private func status(of report: AccountReport, state: AccountState?, scheduled: Bool) -> AccountStatus {
        let good = registry.goodVersion(report.id)
        return AccountStatus(
            id: report.id, name: report.account?.name ?? good?.account.name, file: report.document.path,
            enabled: report.account?.enabled ?? good?.account.enabled ?? false, valid: report.isValid,
            scheduled: scheduled, paused: state?.paused ?? false, pauseReason: state?.pauseReason,
            authFlag: state?.authFlag, lastGoodRevision: good?.revision, diagnostics: report.diagnostics)
    }

    func diagnostics() async -> [Diagnostic] { registry.diagnostics }

    func mergedPipeline(accountID: String) async -> Pipeline? { registry.goodVersion(accountID)?.mergedPipeline }

    func scheduledAccount(id: String) async -> Account? { registry.goodVersion(id)?.account }

    private func publishReload(_ report: ReloadReport) {
        names.withLock { $0 = ($0.generation + 1, nil) }
        scheduleChanges.add(1, ordering: .relaxed)
        events.publish(.reload, ["applied": "\(report.applied.count)", "errors": "\(report.errors.count)"])
        events.publish(.diagnosticsChanged, ["diagnostics": "\(registry.diagnostics.count)"])
    }

    func cancel(runID: String) async throws -> Bool { try await coordinator.cancel(runID) }

    func retry(runID: String) async throws -> RunRecord {
        guard let run = try await store.run(id: runID) else { throw RunRefusal.noSuchRun(runID) }
        guard let version = registry.goodVersion(run.accountID) else {
            throw RunRefusal.accountNotConfigured(run.accountID)
        }
        return try await coordinator.retry(
            runID: runID, account: version.account, mergedPipeline: version.mergedPipeline,
            configRevision: version.revision)
    }

    func heartbeat() async -> Date? { scheduler.heartbeat }

    func storeProblem() async -> String? { coordinator.storeProblem }

    func cluster() async throws -> ClusterView? {
        guard let registry = store as? any ClusterRegistry else { return nil }
        return ClusterView(store: "postgres", nodes: try await registry.nodes(), now: Date(), lease: ClusterLease.lease)
    }

    func countRunsEndedElsewhere() async { await scheduler.countRunsEndedElsewhere() }
}
