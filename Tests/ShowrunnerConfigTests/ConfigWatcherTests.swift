import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerConfig

/// The watcher on real temporary folders with real inotify events.
@Suite(.serialized) struct ConfigWatcherTests {
    /// Runs a watcher on `directory` and hands out the reports it produces.
    final class Running: Sendable {
        let registry: ConfigRegistry
        let reports: AsyncStream<ReloadReport>
        let task: Task<Void, any Error>
        let watcher: ConfigWatcher

        /// As the daemon starts: the watches are installed, the folder is loaded, `afterLoading` runs (a write the
        /// load did not see), then the watcher runs.
        init(directory: URL, mode: ConfigWatcher.Mode = .inotify, afterLoading: () -> Void = {}) throws {
            let loader = ConfigLoader(directory: directory.path)
            registry = ConfigRegistry(loader: loader, secrets: loader.secretChecker(strict: false))
            let (reports, continuation) = AsyncStream<ReloadReport>.makeStream()
            self.reports = reports
            watcher = ConfigWatcher(
                registry: registry, mode: mode, debounce: .milliseconds(50),
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                onChange: { continuation.yield($0) })
            try watcher.installWatches()
            registry.rescan()
            afterLoading()
            task = Task { [watcher] in try await watcher.run() }
        }

        /// Waits for a report that satisfies `condition` (a slow machine may split one change into several
        /// debounced reports); fails the test instead of hanging when none comes within 3 minutes.
        func next(
            where condition: @escaping @Sendable (ReloadReport) -> Bool = { _ in true }
        ) async throws
            -> ReloadReport
        {
            let reports = reports
            return try await withThrowingTaskGroup(of: ReloadReport?.self) { group in
                group.addTask {
                    for await report in reports where condition(report) { return report }
                    return nil
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(180))
                    return nil
                }
                defer { group.cancelAll() }
                return try #require(try await group.next() ?? nil, "no matching config change was reported")
            }
        }

        func stop() { task.cancel() }
    }

    /// Waits until the watches are installed, then checks a first change is reported.
    static func ready(_ running: Running, _ folder: ConfigFolder) async throws {
        try await Deadline.until("the watches are installed") { running.watcher.isWatching }
        try folder.save("accounts.d/probe.yaml", ConfigFolder.account())
        _ = try await running.next { $0.applied.contains("probe") }
    }

    /// A file written after the start-up load read it, before the watcher runs (the daemon prints its line in
    /// between): the watches were installed before the load, so its event waits for the watcher.
    @Test func aChangeBetweenTheLoadAndTheWatcherIsApplied() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let running = try Running(directory: folder.url) {
            try? folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "30 7 * * *"))
            try? folder.write("accounts.d/b.yaml", ConfigFolder.account())
        }
        defer { running.stop() }
        let report = try await running.next { !$0.applied.isEmpty }
        #expect(report.applied == ["a", "b"])
        #expect(running.registry.cron("a") == "30 7 * * *")
    }

    @Test func anEditorSaveIsApplied() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let running = try Running(directory: folder.url)
        defer { running.stop() }
        try await Self.ready(running, folder)
        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "15 9 * * *"))
        _ = try await running.next { $0.applied == ["a"] }
        #expect(running.registry.cron("a") == "15 9 * * *")
    }

    @Test func anInvalidEditKeepsTheLastGoodVersionAndADeletionUnschedules() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let running = try Running(directory: folder.url)
        defer { running.stop() }
        try await Self.ready(running, folder)
        try folder.save("accounts.d/a.yaml", "channel: { type: t }\nschedule: { cron: \"61 9 * * *\" }\npipeline: p\n")
        let rejected = try await running.next { !$0.errors.isEmpty }
        #expect(rejected.errors.first?.message == "minute value 61 is out of range 0–59.")
        #expect(running.registry.cron("a") == "0 9 * * *")
        try folder.delete("accounts.d/a.yaml")
        _ = try await running.next { $0.removed == ["a"] }
    }

    @Test func aDuplicatedIDPutsBothFilesInError() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let running = try Running(directory: folder.url)
        defer { running.stop() }
        try await Self.ready(running, folder)
        try folder.save("accounts.d/b.yaml", ConfigFolder.account(cron: "0 1 * * *", id: "a"))
        let report = try await running.next { $0.errors.count >= 2 }
        #expect(Set(report.errors.map(\.file)) == ["accounts.d/a.yaml", "accounts.d/b.yaml"])
        #expect(running.registry.cron("a") == "0 9 * * *")
    }

    @Test func aGitCheckoutOfAnotherBranchAppliesAsOneChangeSet() async throws {
        let folder = try ConfigFolder()
        for name in ["a", "b", "c"] { try folder.write("accounts.d/\(name).yaml", ConfigFolder.account()) }
        try await Git.run(["init", "-q", "-b", "main"], in: folder.url)
        try await Git.run(["add", "."], in: folder.url)
        try await Git.run(["commit", "-q", "-m", "one"], in: folder.url)
        try await Git.run(["checkout", "-q", "-b", "evening"], in: folder.url)
        for name in ["a", "b"] { try folder.write("accounts.d/\(name).yaml", ConfigFolder.account(cron: "0 20 * * *")) }
        try folder.delete("accounts.d/c.yaml")
        try await Git.run(["commit", "-q", "-am", "evening"], in: folder.url)
        try await Git.run(["checkout", "-q", "main"], in: folder.url)

        let running = try Running(directory: folder.url)
        defer { running.stop() }
        try await Self.ready(running, folder)
        try await Git.run(["checkout", "-q", "evening"], in: folder.url)
        // The checkout may arrive as one report or several: wait for the report after which the registry holds
        // the evening branch (the registry is updated before its report is handed out).
        let registry = running.registry
        _ = try await running.next { _ in registry.cron("c") == nil && registry.cron("a") == "0 20 * * *" }
        #expect(running.registry.cron("c") == nil)
        #expect(running.registry.cron("b") == "0 20 * * *")
    }

    @Test func aSymlinkSwapOfTheWholeFolderIsSeen() async throws {
        let temporary = try TemporaryFolder(prefix: "swap")
        let base = temporary.url
        let first = try ConfigFolder()
        let second = try ConfigFolder()
        try first.write("accounts.d/a.yaml", ConfigFolder.account())
        try second.write("accounts.d/a.yaml", ConfigFolder.account(cron: "0 6 * * *"))
        let link = base.appendingPathComponent("config")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: first.url)
        let running = try Running(directory: link)
        defer { running.stop() }
        try await Self.ready(running, ConfigFolder(existing: link))
        let staging = base.appendingPathComponent("config.new")
        try FileManager.default.createSymbolicLink(at: staging, withDestinationURL: second.url)
        #expect(rename(staging.path, link.path) == 0)  // atomic swap, as deploy tools do
        _ = try await running.next { $0.applied == ["a"] }
        #expect(running.registry.cron("a") == "0 6 * * *")
    }

    @Test func aKubernetesConfigMapSwapIsSeen() async throws {
        let folder = try ConfigFolder()
        let accounts = folder.url.appendingPathComponent("accounts.d")
        func generation(_ name: String, cron: String) throws {
            let directory = accounts.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try ConfigFolder.account(cron: cron).write(
                to: directory.appendingPathComponent("a.yaml"), atomically: false, encoding: .utf8)
        }
        try generation("..2026_01", cron: "0 9 * * *")
        try FileManager.default.createSymbolicLink(
            atPath: accounts.appendingPathComponent("..data").path, withDestinationPath: "..2026_01")
        try FileManager.default.createSymbolicLink(
            atPath: accounts.appendingPathComponent("a.yaml").path, withDestinationPath: "..data/a.yaml")
        let running = try Running(directory: folder.url)
        defer { running.stop() }
        try await Self.ready(running, folder)
        try generation("..2026_02", cron: "0 11 * * *")
        try FileManager.default.createSymbolicLink(
            atPath: accounts.appendingPathComponent("..data_tmp").path, withDestinationPath: "..2026_02")
        #expect(
            rename(accounts.appendingPathComponent("..data_tmp").path, accounts.appendingPathComponent("..data").path)
                == 0)
        _ = try await running.next { $0.applied == ["a"] }
        #expect(running.registry.cron("a") == "0 11 * * *")
    }

    @Test func pollingFindsChangesToo() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let running = try Running(directory: folder.url, mode: .poll(interval: .milliseconds(100)))
        defer { running.stop() }
        try await Deadline.until("the polling loop runs") { running.watcher.isWatching }
        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "0 5 * * *"))
        _ = try await running.next { $0.applied == ["a"] }
        #expect(running.registry.cron("a") == "0 5 * * *")
    }
}
