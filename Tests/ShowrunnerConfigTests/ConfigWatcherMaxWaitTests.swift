import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerTestSupport
import Synchronization
import Testing

@testable import ShowrunnerConfig

/// The debounce on a test clock: writes that never pause for a whole debounce period still get applied.
struct ConfigWatcherMaxWaitTests {
    final class Reports: Sendable {
        private let value = Mutex<[ReloadReport]>([])
        var all: [ReloadReport] { value.withLock { $0 } }
        func append(_ report: ReloadReport) { value.withLock { $0.append(report) } }
    }

    @Test func steadyWritesHoldBackAReloadForAtMostTheMaximumWait() async throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        let clock = ManualClock()
        let reports = Reports()
        let debounce = Duration.milliseconds(50)
        let watcher = ConfigWatcher(
            registry: registry, mode: .inotify, debounce: debounce, clock: clock,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            onChange: { reports.append($0) })
        let task = Task { try await watcher.run() }
        defer { task.cancel() }
        try await Deadline.until("the watches are installed") { watcher.isWatching }

        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "15 9 * * *"))
        try await Deadline.until("the watcher waits for quiet") { clock.sleepers == 1 }
        var waited = Duration.zero
        while reports.all.isEmpty, waited < .seconds(5) {
            watcher.record(["accounts.d/other.yaml"])  // another write, less than a debounce after the last one
            clock.advance(by: debounce)
            waited += debounce
            try await Deadline.until("the watcher sleeps again or reports") {
                clock.sleepers == 1 || !reports.all.isEmpty
            }
        }
        #expect(reports.all.first?.applied == ["a"])
        #expect(waited == ConfigWatcher.maxWait(for: debounce))
        #expect(ConfigWatcher.maxWait(for: debounce) == .seconds(1))
        #expect(ConfigWatcher.maxWait(for: .milliseconds(250)) == .milliseconds(2500))
        #expect(registry.cron("a") == "15 9 * * *")
    }
}
