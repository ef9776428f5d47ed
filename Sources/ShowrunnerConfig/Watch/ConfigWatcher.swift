import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore
import Synchronization

/// Applies config changes as they happen: inotify (or polling) events, debounced until the folder has been
/// quiet for `debounce` — or for at most `maxWait` while writes keep coming — re-read through the registry (only
/// the changed files), then handed to `onChange`.
public final class ConfigWatcher: Service, Sendable {
    public enum Mode: Sendable { case inotify, poll(interval: Duration), off }

    private struct Pending {
        var paths: Set<String> = []
        var rescan = false
        var generation = 0
    }

    let registry: ConfigRegistry
    let mode: Mode
    let debounce: Duration
    /// The longest a change waits while events keep arriving less than `debounce` apart.
    let maxWait: Duration
    let clock: any Clock<Duration>
    let logger: Logger
    let onChange: @Sendable (ReloadReport) async -> Void
    private let pending = Mutex(Pending())
    private let watching = Mutex(false)
    /// The inotify watches, once installed (`installWatches`); their events wake `run` through `signal`.
    private let source = Mutex<InotifySource?>(nil)
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    /// True once the watches are installed (tests wait for it before touching files).
    public var isWatching: Bool { watching.withLock { $0 } }

    public init(
        registry: ConfigRegistry, mode: Mode, debounce: Duration, clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger, onChange: @escaping @Sendable (ReloadReport) async -> Void
    ) {
        self.registry = registry
        self.mode = mode
        self.debounce = debounce
        self.maxWait = Self.maxWait(for: debounce)
        self.clock = clock
        self.logger = logger
        self.onChange = onChange
        (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Installs the inotify watches (a no-op when polling or off, or when they are installed). Called before the
    /// config folder is first read, so that every later write raises an event, which `run` applies once it runs;
    /// a write between the read and the watches would otherwise go unseen.
    public func installWatches() throws {
        guard case .inotify = mode else { return }
        let installed = try source.withLock { source -> Bool in
            guard source == nil else { return false }
            source = try InotifySource(directory: registry.loader.directory) { [weak self] changed in
                self?.record(changed)
                self?.signal.yield()
            }
            return true
        }
        guard installed else { return }
        watching.withLock { $0 = true }
        logger.info("watching the config folder", metadata: ["config.dir": "\(registry.loader.directory.path)"])
    }

    public func run() async throws {
        switch mode {
        case .off:
            try? await gracefulShutdown()
        case .poll(let interval):
            try await poll(every: interval)
        case .inotify:
            try await watch()
        }
    }

    private func watch() async throws {
        try installWatches()
        defer { source.withLock { $0?.stop() } }
        for await _ in signals.cancelOnGracefulShutdown() {
            guard await quiet() else { break }
            await flush()
        }
    }

    /// Notes changed paths (nil: rescan everything).
    func record(_ changed: Set<String>?) {
        pending.withLock { pending in
            if let changed { pending.paths.formUnion(changed) } else { pending.rescan = true }
            pending.generation += 1
        }
    }

    /// Ten debounce periods, at least a second: steady writes cannot hold back every reload.
    static func maxWait(for debounce: Duration) -> Duration { max(debounce * 10, .seconds(1)) }

    /// Waits until no event arrived for `debounce`, or `maxWait` passed since the first one; false when
    /// cancelled. Time is counted in the clock's sleeps, so a test clock drives it.
    private func quiet() async -> Bool {
        var waited = Duration.zero
        while debounce > .zero {
            let seen = pending.withLock { $0.generation }
            do { try await clock.sleep(for: debounce) } catch { return false }
            waited += debounce
            if pending.withLock({ $0.generation }) == seen || waited >= maxWait { return true }
        }
        return !Task.isCancelled
    }

    /// Applies what accumulated since the last flush.
    func flush() async {
        let (paths, rescan) = pending.withLock { pending in
            defer { pending = Pending(generation: pending.generation) }
            return (pending.paths, pending.rescan)
        }
        let report = rescan ? registry.rescan() : registry.apply(paths)
        log(report)
        await onChange(report)
    }

    private func poll(every interval: Duration) async throws {
        watching.withLock { $0 = true }
        logger.info("polling the config folder", metadata: ["interval": "\(interval.configText)"])
        while !Task.isCancelled {
            do { try await clock.sleep(for: interval) } catch { return }
            let report = registry.rescan()
            guard
                !(report.applied.isEmpty && report.removed.isEmpty && report.errors.isEmpty && report.unchanged.isEmpty)
            else { continue }
            log(report)
            await onChange(report)
        }
    }

    private func log(_ report: ReloadReport) {
        for diagnostic in report.errors {
            logger.error(
                "config rejected; keeping last good version",
                metadata: ["config.file": "\(diagnostic.file)", "error": "\(diagnostic.rendered)"])
        }
        logger.info(
            "config applied",
            metadata: [
                "applied": "\(report.applied.count)", "removed": "\(report.removed.count)",
                "errors": "\(report.errors.count)",
            ])
    }
}
