import Foundation
import Logging
import ShowrunnerCore
import Synchronization

/// The one owner of a run's life, for the daemon, the API and the CLI alike: records runs, queues them (at most
/// `maxConcurrentRuns` at once, the overlap policy per account), executes them as child tasks of `run()`, and
/// records how they ended — the account's failure count, auth flag and auto-pause, user cancellation — then tells
/// its `RunFinishListener`. `drain` stops it.
public final class RunCoordinator: Sendable {
    /// A run waiting for a free slot or for its account's active run (overlap: queue).
    struct Pending: Sendable {
        let run: RunRecord
        let account: Account
        let mergedPipeline: Pipeline
        var resume = false
        /// Overlap `queue`: start only when the account has no active run.
        var afterActiveRun = false
        /// A prepared job (a retry that reuses steps); nil = run from the start.
        var job: RunJob?
        var dryRun = false
        /// Recorded `running` by `executeTogether`, so the executor does not record it again.
        var markedRunning = false
        var observer: @Sendable (RunEvent) -> Void = { _ in }
        /// Told the outcome once the run ended (nil: it did not end, e.g. shutdown); for callers that wait.
        var finished: (@Sendable (RunOutcome?) -> Void)?
        let cancellation = RunCancellation()
    }

    enum Command: Sendable {
        case start(Pending)
        /// Runs that got slots at the same moment: recorded `running` in one write, then executed.
        case startTogether([Pending])
        /// The grace period is over: stop the running runs (they stay resumable).
        case stopRuns
    }

    struct State {
        var active: [String: (accountID: String, cancellation: RunCancellation)] = [:]
        var waiting: [Pending] = []
        var draining = false
        var stopped = false
        /// Tasks waiting until no run is active (`drain`) or none is active or waiting either (`untilIdle`).
        var idleWaiters: [(id: Int, countsWaiting: Bool, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiterID = 0

        /// Removes and returns the idle waiters whose condition now holds.
        mutating func idleWaitersToWake() -> [CheckedContinuation<Void, Never>] {
            guard active.isEmpty else { return [] }
            let woken = idleWaiters.filter { !$0.countsWaiting || waiting.isEmpty }
            idleWaiters.removeAll { !$0.countsWaiting || waiting.isEmpty }
            return woken.map(\.continuation)
        }
    }

    let launcher: RunLauncher
    let accountStates: any AccountStateStore
    let maxConcurrentRuns: Int
    let logger: Logger
    let state = Mutex(State())
    let listener = Mutex<(any RunFinishListener)?>(nil)
    let activity = Mutex<(any RunActivityListener)?>(nil)
    /// Set on a cluster node: runs are recorded without an owner and claimed by a node's `RunClaimService`.
    let clusterWake = Mutex<(@Sendable () -> Void)?>(nil)
    private let commands: AsyncStream<Command>
    let commandSink: AsyncStream<Command>.Continuation

    public init(
        launcher: RunLauncher, accountStates: any AccountStateStore, maxConcurrentRuns: Int, logger: Logger
    ) {
        self.launcher = launcher
        self.accountStates = accountStates
        self.maxConcurrentRuns = max(1, maxConcurrentRuns)
        self.logger = logger
        (commands, commandSink) = AsyncStream.makeStream()
    }

    /// Who is told when a run ended (the scheduler; wired once it exists, before `run()`).
    public func setFinishListener(_ listener: any RunFinishListener) {
        self.listener.withLock { $0 = listener }
    }

    var environment: ExecutionEnvironment { launcher.executor.environment }
    var store: any RunStore { environment.runs }
    var now: Date { environment.time.now() }
    var records: RunRecords { RunRecords(environment: environment) }

    /// Store writes that failed and wait to be retried, for `/healthz`; nil while the store works.
    public var storeProblem: String? { environment.reporting.storeHealth.problem }

    /// What the overlap policy counts for an account in this process: its runs that started and have not ended
    /// (an interrupted run waiting to be resumed among them), and its runs recorded but not started.
    public func runs(of accountID: String) -> (running: Int, waiting: Int) {
        state.withLock { state in
            let waiting = state.waiting.filter { $0.account.id == accountID }
            let resuming = waiting.count { $0.resume }
            return (state.active.values.count { $0.accountID == accountID } + resuming, waiting.count - resuming)
        }
    }

    public var activeRunIDs: [String] { state.withLock { Array($0.active.keys) } }

    /// Whether this coordinator is running the run or has it waiting for a slot.
    public func isTracking(_ runID: String) -> Bool {
        state.withLock { state in state.active[runID] != nil || state.waiting.contains { $0.run.id == runID } }
    }

    /// Nothing running and nothing waiting.
    public var isIdle: Bool { state.withLock { $0.active.isEmpty && $0.waiting.isEmpty } }

    /// Executes the runs it is given, each a child task, until `drain` has stopped them all.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await command in commands {
                switch command {
                case .start(let pending): group.addTask { await self.execute(pending) }
                case .startTogether(let batch): group.addTask { await self.executeTogether(batch) }
                case .stopRuns: group.cancelAll()
                }
            }
        }
        let (left, idle) = state.withLock { state in
            state.stopped = true
            let left = state.waiting
            state.waiting = []
            return (left, state.idleWaitersToWake())
        }
        for pending in left { pending.finished?(nil) }  // recorded `queued`: the next start takes them over
        for waiter in idle { waiter.resume() }
    }

    /// Records a new run (`queued`) and starts it when a slot is free. Returns nil when the fire already has a run.
    public func submit(
        account: Account, mergedPipeline: Pipeline, trigger: RunTrigger, scheduledAt: Date?, configRevision: String?,
        afterActiveRun: Bool = false
    ) async throws -> RunRecord? {
        try await submit([
            RunSubmission(
                account: account, mergedPipeline: mergedPipeline, trigger: trigger, scheduledAt: scheduledAt,
                configRevision: configRevision, afterActiveRun: afterActiveRun)
        ])[0]
    }

    /// `submit` for many runs, recorded in one transaction (the fires of one instant); nil where the fire already
    /// has a run.
    public func submit(_ submissions: [RunSubmission]) async throws -> [RunRecord?] {
        guard !submissions.isEmpty else { return [] }
        let recorded = try await record(submissions)
        if let wake = clusterWake.withLock({ $0 }) {
            wake()  // a node's claim takes them, this one's or another's (runs_on, capacity)
            return recorded
        }
        for (submission, run) in zip(submissions, recorded) {
            guard let run else { continue }
            enqueue(
                Pending(
                    run: run, account: submission.account, mergedPipeline: submission.mergedPipeline,
                    afterActiveRun: submission.afterActiveRun), start: false)
        }
        startWaiting()
        return recorded
    }

    /// Inserts the runs; nil where the store's unique key says the fire already has one. On a cluster node, a fire
    /// the account's runs on other nodes forbid comes back `skipped` (`ClusterFireRecording`).
    func record(_ submissions: [RunSubmission]) async throws -> [RunRecord?] {
        let runs = records.queued(submissions, owned: !isClustered)
        if isClustered, submissions.contains(where: { $0.overlap != nil }),
            let fires = store as? any ClusterFireRecording
        {
            let staleBefore = now.addingTimeInterval(-launcher.probe.staleAfter.seconds)
            return try await fires.insertRuns(runs, overlap: submissions.map(\.overlap), staleBefore: staleBefore)
        }
        let inserted = try await store.insertRuns(runs)
        return zip(runs, inserted).map { run, isNew in isNew ? run : nil }
    }

    /// Starts a run that was recorded `queued` but never started (the process stopped first); `afterActiveRun`:
    /// only once the account's active run ended (overlap `queue`). `start: false` leaves it waiting for the next
    /// `startWaiting`, so runs enqueued together start together.
    public func enqueueRecorded(
        _ run: RunRecord, account: Account, mergedPipeline: Pipeline, afterActiveRun: Bool = false, start: Bool = true
    ) {
        enqueue(
            Pending(run: run, account: account, mergedPipeline: mergedPipeline, afterActiveRun: afterActiveRun),
            start: start)
    }

    /// Resumes a run left `running` by a process that is gone.
    public func resume(_ run: RunRecord, account: Account, mergedPipeline: Pipeline) {
        enqueue(Pending(run: run, account: account, mergedPipeline: mergedPipeline, resume: true))
    }

    /// Cancels a run: not yet started → `cancelled` at once; running → the state machine stops its steps and it
    /// ends `cancelled`; on a cluster, a run this node does not have goes through the store (`cancelElsewhere`)
    /// unless `forward` is false (a request that came through the store).
    public func cancel(_ runID: String, forward: Bool = true) async throws -> Bool {
        let (waiting, active) = state.withLock { state -> (Pending?, RunCancellation?) in
            if let index = state.waiting.firstIndex(where: { $0.run.id == runID }) {
                return (state.waiting.remove(at: index), nil)
            }
            return (nil, state.active[runID]?.cancellation)
        }
        if let waiting {
            try await store.updateRun(
                id: runID, status: .cancelled, reason: "cancelled before it started", owner: nil, at: now)
            waiting.finished?(.cancelled)
            for waiter in state.withLock({ $0.idleWaitersToWake() }) { waiter.resume() }
            return true
        }
        guard let active else { return forward ? try await cancelElsewhere(runID) : false }
        active.request()
        return true
    }

    func enqueue(_ pending: Pending, start: Bool = true) {
        state.withLock { $0.waiting.append(pending) }
        activity.withLock { $0 }?.runQueued(pending.run)
        if start { startWaiting() }
    }

    /// Starts waiting runs while slots are free, oldest first. A run is `active` before its task exists, so it
    /// is counted before it can finish.
    func startWaiting() {
        state.withLock { state in
            guard !state.draining else { return }
            var started: Set<Int> = []  // removed afterwards in one pass: one by one moved 1,000 runs 1,000 times
            var batch: [Pending] = []
            for (index, pending) in state.waiting.enumerated() {
                guard state.active.count < maxConcurrentRuns else { break }
                if pending.afterActiveRun, state.active.values.contains(where: { $0.accountID == pending.account.id }) {
                    continue
                }
                state.active[pending.run.id] = (pending.account.id, pending.cancellation)
                batch.append(pending)
                started.insert(index)
            }
            guard !started.isEmpty else { return }
            state.waiting = state.waiting.enumerated().filter { !started.contains($0.offset) }.map(\.element)
            commandSink.yield(batch.count == 1 ? .start(batch[0]) : .startTogether(batch))
        }
    }

    /// A run ended: it leaves `active`; a drain waiting for the last one, or a caller waiting for idleness, is let go.
    func ended(_ runID: String) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.active[runID] = nil
            if state.draining, state.active.isEmpty { commandSink.finish() }
            return state.idleWaitersToWake()
        }
        for waiter in waiters { waiter.resume() }
        clusterWake.withLock { $0 }?()  // a slot is free
    }

    /// Shutdown: no new runs start; running ones get `grace` to finish, then they are cancelled and left
    /// resumable. Returns when every run has stopped.
    public func drain(grace: Duration, clock: any Clock<Duration>) async {
        let running = state.withLock { state in
            state.draining = true
            if state.active.isEmpty { commandSink.finish() }
            return state.active.count
        }
        guard running > 0 else { return }
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.untilNoneActive(countingWaiting: false)
                return true
            }
            group.addTask {
                try? await clock.sleep(for: grace)
                return false
            }
            if await group.next() == false {
                logger.notice("grace period over; stopping running steps", metadata: ["runs": "\(running)"])
                commandSink.yield(.stopRuns)
            }
            group.cancelAll()
        }
        await untilNoneActive(countingWaiting: false)
    }

    /// Returns once no run is active and none waits to start, or when the caller is cancelled.
    public func untilIdle() async { await untilNoneActive(countingWaiting: true) }

    /// Returns once no run is active (and, `countingWaiting`, none waits either; a drain leaves waiting runs
    /// queued for the next start), or when the caller is cancelled.
    private func untilNoneActive(countingWaiting: Bool) async {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let idle = state.withLock { state in
                    if Task.isCancelled || state.active.isEmpty && (!countingWaiting || state.waiting.isEmpty) {
                        return true
                    }
                    state.idleWaiters.append((id, countingWaiting, continuation))
                    return false
                }
                if idle { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.idleWaiters.firstIndex { $0.id == id }.map { state.idleWaiters.remove(at: $0) }
            }
            waiter?.continuation.resume()
        }
    }
}
