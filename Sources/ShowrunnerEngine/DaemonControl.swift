import Foundation
import ShowrunnerCore

/// What the HTTP API can ask of the running daemon. The daemon implements it; API tests use a fake.
public protocol DaemonControl: Sendable {
    /// Every scheduled job (one per account with a schedule), or only `accountID`'s.
    func jobs(accountID: String?) async -> [SchedulerJob]
    /// Rescans the config folder now.
    func reload() async -> ReloadReport
    /// Starts a manual run; nil when the account is unknown.
    func trigger(accountID: String) async throws -> RunRecord?
    /// Takes a job off the schedule until its file changes or a reload; false when unknown.
    func removeJob(id: String) async throws -> Bool
    /// Persistent pause; false when unknown.
    func pause(accountID: String) async throws -> Bool
    func resume(accountID: String) async throws -> Bool
    func accounts() async -> [AccountStatus]
    /// One account (the first file by path when several declare its id); nil when unknown.
    func account(id: String) async -> AccountStatus?
    /// Current config errors and warnings.
    func diagnostics() async -> [Diagnostic]
    /// False when the run is not active or waiting.
    func cancel(runID: String) async throws -> Bool
    /// Retries a failed run (or resumes an interrupted one) in the daemon; throws `RunRefusal`.
    func retry(runID: String) async throws -> RunRecord
    /// The scheduler loop's last pass; `/healthz` is 200 while it is recent.
    func heartbeat() async -> Date?
    /// True while the daemon is still loading its config folder at start-up: the API answers 503 until then.
    func loadingConfig() async -> Bool
    /// Why the store cannot be written, while writes it refused wait to be retried; `/healthz` is 503 meanwhile.
    func storeProblem() async -> String?
    /// Counts in the metrics the runs other processes (`trigger`, `retry`) ended; `/metrics` calls it first.
    func countRunsEndedElsewhere() async
    /// The nodes sharing the store; nil for a SQLite store (one daemon).
    func cluster() async throws -> ClusterView?
    /// The dashboard's reads (defaults in `DaemonControl+Dashboard.swift`).
    func mergedPipeline(accountID: String) async -> Pipeline?
    func scheduledAccount(id: String) async -> Account?
    func accountNames() async -> [(id: String, name: String?)]
    func accountStatuses(ids: [String]) async -> [AccountStatus]
}

extension DaemonControl {
    public func loadingConfig() async -> Bool { false }
    public func storeProblem() async -> String? { nil }
    public func countRunsEndedElsewhere() async {}
    public func cluster() async throws -> ClusterView? { nil }
}

/// An account as the API shows it.
public struct AccountStatus: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    public var file: String
    public var enabled: Bool
    /// The file's current version is valid.
    public var valid: Bool
    /// A version of it is scheduled (the current one, or the last good one when the file turned invalid).
    public var scheduled: Bool
    public var paused: Bool
    public var pauseReason: String?
    public var authFlag: String?
    /// The config revision (git commit) of the version that is scheduled.
    public var lastGoodRevision: String?
    public var diagnostics: [Diagnostic]

    public init(
        id: String, name: String?, file: String, enabled: Bool, valid: Bool, scheduled: Bool, paused: Bool,
        pauseReason: String?, authFlag: String?, lastGoodRevision: String?, diagnostics: [Diagnostic]
    ) {
        self.id = id
        self.name = name
        self.file = file
        self.enabled = enabled
        self.valid = valid
        self.scheduled = scheduled
        self.paused = paused
        self.pauseReason = pauseReason
        self.authFlag = authFlag
        self.lastGoodRevision = lastGoodRevision
        self.diagnostics = diagnostics
    }
}
