import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore

/// Deletes run folders and history by age and by count per account (SPEC §5, `retention:`): at start-up, then every
/// `interval`. Running runs, and the runs whose video an unfinished upload still reads, are never touched.
public struct RetentionSweeper: Service {
    /// What to keep: ages, and optional counts per account.
    public struct Limits: Sendable {
        public var runs: Duration
        public var artifacts: Duration
        public var maxRuns: Int?
        public var maxArtifacts: Int?

        public init(runs: Duration, artifacts: Duration, maxRuns: Int? = nil, maxArtifacts: Int? = nil) {
            self.runs = runs
            self.artifacts = artifacts
            self.maxRuns = maxRuns
            self.maxArtifacts = maxArtifacts
        }
    }

    /// An unfinished upload older than this (and than `artifacts`) no longer protects its run: YouTube's upload
    /// sessions last about a week.
    static let uploadProtection: TimeInterval = 7 * 86_400

    let store: any RunHistory & RunRetention
    let runsFolder: URL
    let limits: Limits
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let interval: Duration
    let logger: Logger

    public init(
        store: any RunHistory & RunRetention, stateDirectory: URL, runRetention: Duration, artifactRetention: Duration,
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() },
        interval: Duration = .seconds(3600), logger: Logger
    ) {
        self.init(
            store: store, stateDirectory: stateDirectory,
            limits: Limits(runs: runRetention, artifacts: artifactRetention), clock: clock, now: now,
            interval: interval, logger: logger)
    }

    public init(
        store: any RunHistory & RunRetention, stateDirectory: URL, limits: Limits,
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() },
        interval: Duration = .seconds(3600), logger: Logger
    ) {
        self.store = store
        runsFolder = stateDirectory.appendingPathComponent("runs", isDirectory: true)
        self.limits = limits
        self.clock = clock
        self.now = now
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                await sweep()
                try await clock.sleep(for: interval)
            }
        }
    }

    /// One pass, folders first (history still knows their accounts); returns (runs deleted, folders deleted).
    @discardableResult
    public func sweep() async -> (runs: Int, folders: Int) {
        let now = now()
        let uploadsSince = now.addingTimeInterval(-max(limits.artifacts.seconds, Self.uploadProtection))
        let counting = store as? any RunCountRetention
        let deletedFolders = await sweepFolders(now: now, uploadsSince: uploadsSince, counting: counting)
        var deletedRuns = 0
        do {
            deletedRuns = try await store.deleteFinishedRuns(before: now.addingTimeInterval(-limits.runs.seconds))
            if let counting, let maxRuns = limits.maxRuns {
                deletedRuns += try await counting.deleteFinishedRuns(keepingNewest: maxRuns, uploadsSince: uploadsSince)
            }
        } catch {
            logger.error("old runs could not be deleted", metadata: ["error": "\(error)"])
        }
        if deletedRuns + deletedFolders > 0 {
            logger.info(
                "retention sweep",
                metadata: ["runs.deleted": "\(deletedRuns)", "artifacts.deleted": "\(deletedFolders)"])
        }
        return (deletedRuns, deletedFolders)
    }

    private func sweepFolders(now: Date, uploadsSince: Date, counting: (any RunCountRetention)?) async -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        guard !names.isEmpty else { return 0 }
        var protected = Set((try? await store.runningRuns())?.map(\.id) ?? [])
        if let counting {
            guard let uploads = try? await counting.runsWithUnfinishedUploads(since: uploadsSince) else {
                logger.error("unfinished uploads could not be read; run folders kept")
                return 0
            }
            protected.formUnion(uploads)
        }
        let owners = limits.maxArtifacts == nil ? [:] : ((try? await counting?.accounts(ofRuns: names)) ?? [:])
        let folders = names.compactMap { name -> RetentionPlan.Folder? in
            let path = runsFolder.appendingPathComponent(name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            else { return nil }
            return RetentionPlan.Folder(runID: name, modified: modified, accountID: owners[name])
        }
        let plan = RetentionPlan(
            cutoff: now.addingTimeInterval(-limits.artifacts.seconds), maxPerAccount: limits.maxArtifacts,
            protected: protected)
        return plan.doomed(folders).count { name in
            (try? FileManager.default.removeItem(at: runsFolder.appendingPathComponent(name))) != nil
        }
    }
}
