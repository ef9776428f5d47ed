import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore

/// Deletes history and artifacts older than `retention` (SPEC §5: artifacts 14 days, runs 90 days by default):
/// at start-up, then every `interval`. Running runs and their artifacts are never touched.
public struct RetentionSweeper: Service {
    let store: any RunHistory & RunRetention
    let runsFolder: URL
    let runRetention: Duration
    let artifactRetention: Duration
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let interval: Duration
    let logger: Logger

    public init(
        store: any RunHistory & RunRetention, stateDirectory: URL, runRetention: Duration, artifactRetention: Duration,
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() },
        interval: Duration = .seconds(3600), logger: Logger
    ) {
        self.store = store
        runsFolder = stateDirectory.appendingPathComponent("runs", isDirectory: true)
        self.runRetention = runRetention
        self.artifactRetention = artifactRetention
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

    /// One pass; returns (runs deleted, artifact folders deleted).
    @discardableResult
    public func sweep() async -> (runs: Int, folders: Int) {
        let now = now()
        var deletedRuns = 0
        do {
            deletedRuns = try await store.deleteFinishedRuns(before: now.addingTimeInterval(-runRetention.seconds))
        } catch {
            logger.error("old runs could not be deleted", metadata: ["error": "\(error)"])
        }
        let active = Set((try? await store.runningRuns())?.map(\.id) ?? [])
        let cutoff = now.addingTimeInterval(-artifactRetention.seconds)
        var deletedFolders = 0
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        where !active.contains(folder) {
            let url = runsFolder.appendingPathComponent(folder)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
            guard let modified, modified < cutoff, (try? FileManager.default.removeItem(at: url)) != nil else {
                continue
            }
            deletedFolders += 1
        }
        if deletedRuns + deletedFolders > 0 {
            logger.info(
                "retention sweep",
                metadata: ["runs.deleted": "\(deletedRuns)", "artifacts.deleted": "\(deletedFolders)"])
        }
        return (deletedRuns, deletedFolders)
    }
}
