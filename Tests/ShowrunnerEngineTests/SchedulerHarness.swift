import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Synchronization

@testable import ShowrunnerEngine

/// A scheduler over an in-memory store with a settable wall clock; tests call `advance(to:)` instead of waiting.
final class SchedulerHarness: Sendable {
    let harness: Harness
    let wallClock: WallClock
    let scheduler: Scheduler
    let coordinator: RunCoordinator

    /// `runStore` replaces the harness's store for runs and attempts (account state stays in the harness's store);
    /// `ownerPID` is the pid its runs record (a dead one: a process that is gone); `steps` replace the harness's.
    init(
        harness: Harness, at start: Date, maxConcurrentRuns: Int = 4, runStore: (any RunStore)? = nil,
        ownerPID: Int32 = getpid(), steps: [String: any Step]? = nil, metrics: SchedulerMetrics = SchedulerMetrics()
    ) {
        self.harness = harness
        let wallClock = WallClock(start)
        self.wallClock = wallClock
        let now: @Sendable () -> Date = { wallClock.now }
        var environment = harness.executionEnvironment(owner: ownerPID)
        environment.time.now = now
        environment.owner = { RunOwner(host: ProcessInfo.processInfo.hostName, pid: ownerPID, heartbeatAt: now()) }
        if let runStore { environment.runs = runStore }
        if let steps { environment.steps = steps }
        let probe = OwnerProbe(now: now)
        let launcher = RunLauncher(executor: RunExecutor(environment: environment), probe: probe)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        coordinator = RunCoordinator(
            launcher: launcher, accountStates: harness.store, maxConcurrentRuns: maxConcurrentRuns, logger: logger)
        scheduler = Scheduler(
            coordinator: coordinator, accountStates: harness.store, clock: harness.clock, now: now, logger: logger,
            probe: probe, metrics: metrics)
        coordinator.setFinishListener(scheduler)  // as DaemonAssembly wires them
        runLoop = Task { [coordinator] in await coordinator.run() }
    }

    /// The coordinator's `run()`, as the daemon's `CoordinatorService` runs it; ends after `drain`.
    let runLoop: Task<Void, Never>

    var now: Date { wallClock.now }

    func set(_ date: Date) { wallClock.set(date) }

    /// Moves the wall clock and lets the scheduler handle what is due.
    func advance(to date: Date) async {
        set(date)
        await scheduler.handleDueFires()
    }

    /// Returns once no run is active or waiting: the moment the coordinator says so (a stuck run fails the test).
    func settle() async throws {
        try await Deadline.within("no run is active or waiting") { [coordinator] in await coordinator.untilIdle() }
    }

    /// Moves the manual clock a second at a time (retries and steps wait on it) until `condition` holds; false
    /// when it does not within a bound meant for a stuck test, not a timing.
    func advanceUntil(_ condition: () async throws -> Bool) async rethrows -> Bool {
        let safety = ContinuousClock.now.advanced(by: Deadline.stuckAfter)
        while ContinuousClock.now < safety {
            if try await condition() { return true }
            harness.clock.advance(by: .seconds(1))
            await Task.yield()
        }
        return try await condition()
    }

    /// Runs as `trigger:status@scheduled time (UTC)` strings, by scheduled time.
    func runs() async throws -> [String] {
        try await harness.store.runs(matching: RunQuery(limit: 1000)).sorted {
            ($0.scheduledAt ?? .distantPast) < ($1.scheduledAt ?? .distantPast)
        }.map { run in
            let at = run.scheduledAt.map { RFC3339.format($0, in: TimeZone(identifier: "UTC")!) } ?? "-"
            return "\(run.trigger.rawValue):\(run.status.rawValue)@\(at)"
        }
    }

    static func account(
        _ id: String, cron: String, zone: String = "UTC", jitter: Duration = .zero,
        catchUp: (Duration, Schedule.CatchUpPolicy) = (.seconds(3600), .latest), overlap: Schedule.OverlapPolicy = .skip
    ) throws -> ScheduledAccount {
        var schedule = Schedule(cron: try CronExpression(parsing: cron), timeZone: TimeZone(identifier: zone)!)
        schedule.jitter = jitter
        schedule.catchUpWindow = catchUp.0
        schedule.catchUpPolicy = catchUp.1
        schedule.overlap = overlap
        let account = Account(id: id, channel: Channel(type: "test"), schedule: schedule, pipeline: .named("p"))
        let pipeline = Pipeline(name: "p", steps: [Harness.step("work", "command")])
        return ScheduledAccount(account: account, pipeline: pipeline, contentHash: "h-\(id)")
    }

    static func date(_ text: String) -> Date { RFC3339.parse(text, defaultZone: TimeZone(identifier: "UTC")!)! }
}

/// A wall clock a test sets by hand.
final class WallClock: Sendable {
    private let value: Mutex<Date>

    init(_ start: Date) { value = Mutex(start) }

    var now: Date { value.withLock { $0 } }

    func set(_ date: Date) { value.withLock { $0 = date } }
}
