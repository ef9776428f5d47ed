import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore
import Synchronization

/// Fires every enabled, valid, unpaused account at its cron instants (plus its stable jitter). Idle means asleep:
/// it sleeps until the earliest start (at most `maxIdle`, which is also its heartbeat). Fires that are late by
/// more than `lateTolerance` (the process was down, suspended, or the wall clock jumped) go through the
/// account's catch-up policy; every fire not run is recorded as `missed` or `skipped`.
public final class Scheduler: Service, Sendable {
    enum Event: Sendable { case tick, changed }

    struct State {
        var desired: [String: ScheduledAccount] = [:]
        var accountStates: [String: AccountState] = [:]
        var book = ScheduleBook()
        var timer: Task<Void, Never>?
        var expectedWake: Date?
        var started = false
    }

    let coordinator: RunCoordinator
    let runs: any RunStore
    let accountStates: any AccountStateStore
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let logger: Logger
    let maxIdle: Duration
    let lateTolerance: Duration
    let probe: OwnerProbe
    let state = Mutex(State())
    let lastBeat = Mutex<Date?>(nil)
    public let metrics: SchedulerMetrics
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    public init(
        coordinator: RunCoordinator, accountStates: any AccountStateStore, clock: any Clock<Duration>,
        now: @escaping @Sendable () -> Date, logger: Logger, probe: OwnerProbe, maxIdle: Duration = .seconds(30),
        lateTolerance: Duration = .seconds(120), metrics: SchedulerMetrics = SchedulerMetrics()
    ) {
        self.coordinator = coordinator
        self.runs = coordinator.launcher.executor.environment.store
        self.accountStates = accountStates
        self.clock = clock
        self.now = now
        self.logger = logger
        self.probe = probe
        self.maxIdle = maxIdle
        self.lateTolerance = lateTolerance
        self.metrics = metrics
        (events, continuation) = AsyncStream.makeStream()
    }

    /// The last time the loop ran; `/healthz` is healthy while it is recent.
    public var heartbeat: Date? { lastBeat.withLock { $0 } }

    public func run() async throws {
        try await startUp()
        continuation.yield(.tick)
        for await _ in events.cancelOnGracefulShutdown() {
            await step()
        }
        state.withLock { $0.timer?.cancel() }
        logger.info("scheduler stopped")
    }

    /// Loads durable account state and resumes runs left `running` by a process that is gone.
    func startUp() async throws {
        let stored = try await accountStates.accountStates()
        state.withLock { state in
            state.accountStates.merge(stored) { _, new in new }
            state.started = true
        }
        await clearStaleRemovals()
        rebuildBook()
        let startedAt = now()
        let queued = try await runs.runs(matching: RunQuery(status: .queued, limit: 10_000))
        for run in queued where run.createdAt < startedAt.addingTimeInterval(-5) {
            guard let account = state.withLock({ $0.desired[run.accountID] }) else { continue }
            logger.notice(
                "starting a run queued before the last stop",
                metadata: ["account": "\(run.accountID)", "run.id": "\(run.id)"])
            coordinator.enqueueRecorded(run, account: account.account, plan: account.plan)
        }
        for run in try await runs.runningRuns() {
            guard let owner = run.owner, probe.isGone(owner) else { continue }
            guard let account = state.withLock({ $0.desired[run.accountID] }) else {
                logger.warning(
                    "interrupted run's account is not configured; left as is", metadata: ["run.id": "\(run.id)"])
                continue
            }
            logger.notice("resuming interrupted run", metadata: ["account": "\(run.accountID)", "run.id": "\(run.id)"])
            coordinator.resume(run, account: account.account, plan: account.plan)
        }
    }

    /// One pass: handle what is due, then sleep until the next start.
    func step() async {
        let now = now()
        lastBeat.withLock { $0 = now }
        let due = state.withLock { $0.book.takeDue(at: now) }
        await handle(due, now: now)
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
