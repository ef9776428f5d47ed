import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// A `DaemonControl` with scripted answers that records what the API asked of it.
actor FakeDaemon: DaemonControl {
    enum Call: Equatable, Sendable {
        case reload, trigger(String), removeJob(String), pause(String), resume(String), cancel(String), retry(String)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var calls: [Call] = []
    private var scriptedJobs: [SchedulerJob]
    private var accountList: [AccountStatus]
    private let report: ReloadReport
    private let diagnosticList: [Diagnostic]
    private let beat: Date?
    private let failingStore: String?
    /// Whether the config folder is still loading (set by the test).
    private(set) var loading = false
    /// Runs `cancel` accepts.
    private let cancellable: Set<String>
    /// Errors `retry` and `trigger` throw, by run or account id.
    private let errors: [String: any Error]

    init(
        jobs: [SchedulerJob] = [], accounts: [AccountStatus] = [], report: ReloadReport = ReloadReport(),
        diagnostics: [Diagnostic] = [], heartbeat: Date? = Date(), cancellable: Set<String> = [],
        errors: [String: any Error] = [:], storeProblem: String? = nil
    ) {
        scriptedJobs = jobs
        accountList = accounts
        self.report = report
        diagnosticList = diagnostics
        beat = heartbeat
        failingStore = storeProblem
        self.cancellable = cancellable
        self.errors = errors
    }

    func jobs(accountID: String?) -> [SchedulerJob] {
        scriptedJobs.filter { accountID == nil || $0.accountID == accountID }
    }
    func accounts() -> [AccountStatus] { accountList }
    func account(id: String) -> AccountStatus? { accountList.first { $0.id == id } }
    func diagnostics() -> [Diagnostic] { diagnosticList }
    func heartbeat() -> Date? { beat }
    func storeProblem() -> String? { failingStore }
    func loadingConfig() -> Bool { loading }
    func setLoading(_ value: Bool) { loading = value }

    func reload() -> ReloadReport {
        calls.append(.reload)
        return report
    }

    func trigger(accountID: String) throws -> RunRecord? {
        calls.append(.trigger(accountID))
        if let error = errors[accountID] { throw error }
        guard accountList.contains(where: { $0.id == accountID }) else { return nil }
        return RunRecord(
            id: "manual-\(accountID)", accountID: accountID, pipeline: "shorts", trigger: .manual, createdAt: Date())
    }

    func removeJob(id: String) -> Bool {
        calls.append(.removeJob(id))
        guard scriptedJobs.contains(where: { $0.id == id }) else { return false }
        scriptedJobs.removeAll { $0.id == id }
        return true
    }

    func pause(accountID: String) throws -> Bool {
        calls.append(.pause(accountID))
        return try setPaused(accountID, true)
    }

    func resume(accountID: String) throws -> Bool {
        calls.append(.resume(accountID))
        return try setPaused(accountID, false)
    }

    func cancel(runID: String) -> Bool {
        calls.append(.cancel(runID))
        return cancellable.contains(runID)
    }

    func retry(runID: String) throws -> RunRecord {
        calls.append(.retry(runID))
        if let error = errors[runID] { throw error }
        return RunRecord(
            id: "retry-\(runID)", accountID: "cooking-daily", pipeline: "shorts", trigger: .retry, retryOf: runID,
            createdAt: Date())
    }

    private func setPaused(_ accountID: String, _ paused: Bool) throws -> Bool {
        if let error = errors[accountID] { throw error }
        guard let index = accountList.firstIndex(where: { $0.id == accountID }) else { return false }
        accountList[index].paused = paused
        accountList[index].pauseReason = paused ? "paused through the API" : nil
        return true
    }
}
