import Foundation
import Logging
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerSteps
import ShowrunnerStore

/// The running daemon as the HTTP API sees it: config registry + scheduler + run coordinator over one store.
final class Daemon: DaemonControl {
    let registry: ConfigRegistry
    let scheduler: Scheduler
    let coordinator: RunCoordinator
    let store: any ShowrunnerStorage
    let logger: Logger
    /// `showrunner.yaml` as the daemon started with it: its settings apply at the next start.
    let settingsAtStart: DaemonSettings?

    init(
        registry: ConfigRegistry, scheduler: Scheduler, coordinator: RunCoordinator, store: any ShowrunnerStorage,
        logger: Logger
    ) {
        self.registry = registry
        self.scheduler = scheduler
        self.coordinator = coordinator
        self.store = store
        self.logger = logger
        settingsAtStart = registry.settings
    }

    /// The registry's last good versions, for the scheduler.
    func scheduledAccounts() -> [ScheduledAccount] { registry.goodVersions.map(Self.scheduled) }

    static func scheduled(_ version: ConfigRegistry.GoodVersion) -> ScheduledAccount {
        ScheduledAccount(
            account: version.account, mergedPipeline: version.mergedPipeline, contentHash: version.contentHash,
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
        if registry.settings != settingsAtStart {
            logger.notice("showrunner.yaml changed; daemon settings apply at the next start (accounts apply now)")
        }
    }

    func jobs(accountID: String?) async -> [SchedulerJob] { scheduler.jobs(accountID: accountID) }

    func reload() async -> ReloadReport {
        let report = registry.rescan(force: true)
        await scheduler.apply(scheduledAccounts(), reload: true)
        scheduler.metrics.recordReload(errors: report.errors.count)
        return report
    }

    func trigger(accountID: String) async throws -> RunRecord? { try await scheduler.trigger(accountID) }

    func removeJob(id: String) async throws -> Bool {
        guard scheduler.isScheduled(id) else { return false }
        try await scheduler.remove(id)
        return true
    }

    func pause(accountID: String) async throws -> Bool {
        guard scheduler.isScheduled(accountID) else { return false }
        try await scheduler.pause(accountID)
        return true
    }

    func resume(accountID: String) async throws -> Bool {
        guard scheduler.isScheduled(accountID) else { return false }
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

    /// One account, with a warning when a topic list will not last the coming week (read here only, not in the
    /// list of every account, so the list stays cheap with thousands of accounts).
    func account(id: String) async -> AccountStatus? {
        guard let report = registry.reports(forID: id).first else { return nil }
        let state = try? await store.accountState(id)
        var status = status(of: report, state: state, scheduled: scheduler.jobs(accountID: id).first?.nextRunAt != nil)
        if let good = registry.goodVersion(id) {
            let warnings = await TopicSupply.warnings(
                account: good.account, mergedPipeline: good.mergedPipeline, configDirectory: registry.loader.directory,
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
