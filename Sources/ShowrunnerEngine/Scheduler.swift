import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore
import Synchronization

/// Fires every enabled, valid, unpaused account at its cron instants (plus its stable jitter). Idle means asleep:
/// it sleeps until the earliest start (at most `maxIdle`, which is also its heartbeat). Fires that are late by
/// more than `lateTolerance` (the process was down, suspended, or the wall clock jumped) go through the
/// account's catch-up policy; every fire not run is recorded as `missed` or `skipped`.
public final class Scheduler: Service, RunFinishListener, Sendable {
    enum Event: Sendable { case tick, changed }

    struct State {
        var desired: [String: ScheduledAccount] = [:]
        var accountStates: [String: AccountState] = [:]
        var book = ScheduleBook()
        var timer: Task<Void, Never>?
        var expectedWake: Date?
        var started = false
        /// Accounts with fires the store refused, and the earliest of them: caught up (run or recorded `missed`)
        /// once the store takes writes again; their last fire is not advanced past it meanwhile.
        var unrecorded: [String: Date] = [:]
    }

    let coordinator: RunCoordinator
    let runs: any RunStore
    let accountStates: any AccountStateStore
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let logger: Logger
    let maxIdle: Duration
    let lateTolerance: Duration
    /// How soon fires the store refused are tried again.
    let retryInterval: Duration
    let probe: OwnerProbe
    let state = Mutex(State())
    let lastBeat = Mutex<Date?>(nil)
    public let metrics: SchedulerMetrics
    /// The ended runs counted in `metrics`, this process's and other processes'.
    let tally: RunTally
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    public init(
        coordinator: RunCoordinator, accountStates: any AccountStateStore, clock: any Clock<Duration>,
        now: @escaping @Sendable () -> Date, logger: Logger, probe: OwnerProbe, maxIdle: Duration = .seconds(30),
        lateTolerance: Duration = .seconds(120), retryInterval: Duration = .seconds(5),
        metrics: SchedulerMetrics = SchedulerMetrics()
    ) {
        self.coordinator = coordinator
        self.runs = coordinator.launcher.executor.environment.runs
        self.accountStates = accountStates
        self.clock = clock
        self.now = now
        self.logger = logger
        self.probe = probe
        self.maxIdle = maxIdle
        self.lateTolerance = lateTolerance
        self.retryInterval = retryInterval
        self.metrics = metrics
        tally = RunTally(since: now())
        (events, continuation) = AsyncStream.makeStream()
    }

    /// The last time the loop ran (at first, when the timetable was built); `/healthz` is healthy while it is recent.
    public var heartbeat: Date? { lastBeat.withLock { $0 } }

    public func run() async throws {
        try await startUp()
        continuation.yield(.tick)
        for await _ in events.cancelOnGracefulShutdown() {
            await handleDueFires()
        }
        state.withLock { $0.timer?.cancel() }
        logger.info("scheduler stopped")
    }

    /// Loads durable account state and builds the timetable from it: every applied account gets its next fire.
    /// `run()` does it first; the daemon calls it before it announces itself, so the API never lists a job
    /// without its next fire. Once done, later calls do nothing (changes since go through the timetable already).
    /// A built timetable is the first heartbeat: the daemon announces itself (systemd's `READY=1`) right after, and
    /// `/healthz` must not answer 503 until the loop's own first pass.
    public func buildTimetable() async throws {
        guard !state.withLock({ $0.started }) else { return }
        let stored = try await accountStates.accountStates()
        state.withLock { state in
            state.accountStates.merge(stored) { _, new in new }
            state.started = true
        }
        await clearStaleRemovals()
        rebuildBook()
        let now = now()
        lastBeat.withLock { $0 = now }
    }

    /// Builds the timetable (if not yet); resumes runs left `running`, and starts (or skips, per overlap) runs left
    /// `queued`, by a process that is gone; restores each account's last-success metric.
    func startUp() async throws {
        try await buildTimetable()
        try await resumeInterrupted()
        try await takeOverQueued()
        for (accountID, date) in try await runs.lastSuccessPerAccount() {
            recordSuccess(date, accountID: accountID)
        }
    }

    /// One pass: handle what is due, then sleep until the next start.
    func handleDueFires() async {
        let now = now()
        lastBeat.withLock { $0 = now }
        let (due, behind) = state.withLock { ($0.book.takeDue(at: now), Set($0.unrecorded.keys)) }
        await handle(due.filter { !behind.contains($0.accountID) }, now: now)  // the others: in their catch-up
        await catchUpUnrecorded(behind, now: now)
        for fire in due {
            metrics.recordNextFire(
                state.withLock { $0.book.entries[fire.accountID]?.next?.startAt }, accountID: fire.accountID)
        }
        arm()
    }

    /// Sleeps until the next start, measured from now (handling the due fires took time).
    private func arm() {
        let now = now()
        state.withLock { state in
            var delay = maxIdle
            if let next = state.book.nextStart {
                delay = min(maxIdle, .nanoseconds(Int64(max(0, next.timeIntervalSince(now)) * 1e9)))
            }
            if !state.unrecorded.isEmpty { delay = min(delay, retryInterval) }
            state.timer?.cancel()
            state.expectedWake = now.addingTimeInterval(delay.seconds)
            let clock = clock
            let continuation = continuation
            state.timer = Task {
                try? await clock.sleep(for: delay)
                if !Task.isCancelled { continuation.yield(.tick) }
            }
        }
    }

    func signalChange() { continuation.yield(.changed) }
}
