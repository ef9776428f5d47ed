import Foundation
import ShowrunnerCore
import Synchronization

/// The daemon's view of the config folder: every file's latest document, and for each account the last version
/// that was valid. A change re-reads only the changed files and re-validates only the accounts they can affect;
/// an account whose file turns invalid keeps its last good version (SPEC §4).
public final class ConfigRegistry: Sendable {
    /// An account's last good version, ready to schedule.
    public struct GoodVersion: Sendable, Equatable {
        public var account: Account
        /// Before the account's step overrides: shared by the accounts on the same pipeline.
        public var pipeline: Pipeline
        public var path: String
        public var contentHash: String
        public var revision: String?

        /// The pipeline with the account's step overrides applied (merged where it is used, not kept per account).
        public var mergedPipeline: Pipeline { pipeline.applying(account.stepOverrides) }
    }

    struct State {
        var files = FileTable()
        var accounts: [String: ConfigDocument<Account>] = [:]
        var pipelines: [String: ConfigDocument<Pipeline>] = [:]
        var settings: ConfigDocument<DaemonSettings>?
        /// Account id → the files declaring it (more than one is a duplicate id).
        var pathsByID: [String: Set<String>] = [:]
        var lastGood: [String: GoodVersion] = [:]
        /// Account file path → its latest version's validation result.
        var reports: [String: AccountReport] = [:]
        /// Diagnostics of the pipeline files and `showrunner.yaml` (the accounts' are in `reports`).
        var otherDiagnostics: [Diagnostic] = []
    }

    public let loader: ConfigLoader
    let secrets: SecretChecker
    let revision: @Sendable () -> String?
    /// Readers take it only to copy a value out; a reload only to record decoded files and to publish results.
    let state = Mutex(State())
    /// One reload at a time (the watcher, SIGHUP and the API may ask together).
    let reloading = Mutex(())

    public init(loader: ConfigLoader, secrets: SecretChecker, revision: @escaping @Sendable () -> String? = { nil }) {
        self.loader = loader
        self.secrets = secrets
        self.revision = revision
    }

    /// Every account's last good version.
    public var goodVersions: [GoodVersion] { state.withLock { Array($0.lastGood.values) } }

    /// One account's last good version.
    public func goodVersion(_ id: String) -> GoodVersion? { state.withLock { $0.lastGood[id] } }

    /// Current errors and warnings of every file.
    public var diagnostics: [Diagnostic] {
        state.withLock { state in
            Array(Set(state.reports.values.flatMap(\.diagnostics) + state.otherDiagnostics)).sortedForDisplay()
        }
    }

    public var settings: DaemonSettings? { state.withLock { $0.settings?.value } }

    /// Validation results of every account file's latest version, by the file's path relative to the config folder.
    public var reportsByPath: [String: AccountReport] { state.withLock { $0.reports } }

    /// The validation results of the files declaring account `id` (more than one: a duplicate id), by path.
    public func reports(forID id: String) -> [AccountReport] {
        state.withLock { state in (state.pathsByID[id] ?? []).sorted().compactMap { state.reports[$0] } }
    }

    /// Reads the folder again: new, changed and deleted files (by content), then applies them. `force` re-reads
    /// every file even when its stat signature is unchanged.
    @discardableResult
    public func rescan(force: Bool = false) -> ReloadReport {
        reloading.withLock { _ in
            let files = state.withLock { $0.files }
            guard !force, !files.isEmpty else {
                // Every file is read (and its signature taken as it is read): no `stat` of each first.
                let paths = files.allPaths.union(FileTable.paths(in: loader.directory))
                return reload(paths, revalidateAll: force)
            }
            return reload(files.changes(comparedTo: FileTable.scan(loader.directory)), revalidateAll: force)
        }
    }

    /// Applies the files that changed (relative paths); unchanged content is a no-op unless `revalidateAll`
    /// (an explicit reload reports every account).
    @discardableResult
    public func apply(_ paths: Set<String>, revalidateAll: Bool = false) -> ReloadReport {
        reloading.withLock { _ in reload(paths, revalidateAll: revalidateAll) }
    }

    /// One reload (the caller holds `reloading`). Reading, decoding, validation and the git revision happen outside
    /// the state lock; it is held only to record the decoded files and to publish the results, each O(changed files),
    /// so readers never wait for a reload.
    private func reload(_ paths: Set<String>, revalidateAll: Bool) -> ReloadReport {
        let directory = loader.directoryPath
        let marks = ConfigReader.markReader(directoryPath: directory)
        let known = state.withLock { state in
            paths.map { ($0, state.files.entry($0), state.accounts[$0]?.name) }
        }
        let decoded = known.concurrentMap { file in
            ChangedFile.read(file.0, directoryPath: directory, recorded: file.1, knownID: file.2, marks: marks)
        }
        let revalidation = state.withLock { state in
            var changedAccounts: Set<String> = []
            var changedPipelines = false
            var oldIDs: Set<String> = []
            for changed in decoded {
                guard let changed else { continue }
                let path = changed.path
                if let previousID = state.accounts[path]?.name { oldIDs.insert(previousID) }
                state.files.record(path, changed.entry)
                switch ConfigPath.kind(of: path) {
                case .account: changedAccounts.insert(path)
                case .pipeline: changedPipelines = true
                case .settings, .other: break
                }
                store(changed.file, at: path, into: &state)
            }
            if revalidateAll { changedAccounts.formUnion(state.accounts.keys) }
            return prepare(state, accounts: changedAccounts, pipelinesChanged: changedPipelines, oldIDs: oldIDs)
        }
        let report = ConfigValidator(secrets: secrets).validate(revalidation.snapshot)
        let revision = revision()
        let summary = state.withLock { publish(report, of: revalidation, into: &$0, revision: revision) }
        // A large reload (start-up, a full rescan) freed the decoding's intermediate values on every core.
        if paths.count >= Self.trimAfter { HeapTrim.releaseFreePages() }
        return summary
    }

    /// How many changed files make a reload large enough to give freed memory back to the kernel.
    static let trimAfter = 256
}
