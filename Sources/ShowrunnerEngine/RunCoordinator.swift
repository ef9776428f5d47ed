import Foundation
import Logging
import ShowrunnerCore
import Synchronization

/// Runs fired or triggered runs: at most `maxConcurrentRuns` at once, the overlap policy per account, the
/// account's failure count and auto-pause, user cancellation, and the drain on shutdown.
public final class RunCoordinator: Sendable {
    /// A run waiting for a free slot or for its account's active run (overlap: queue).
    struct Pending: Sendable {
        let run: RunRecord
        let account: Account
        let plan: Pipeline
        var resume = false
        /// Overlap `queue`: start only when the account has no active run.
        var afterActiveRun = false
        /// A prepared job (a retry that reuses steps); nil = run from the start.
        var job: RunJob?
    }

    private struct State {
        var active: [String: (accountID: String, task: Task<Void, Never>)] = [:]
        var waiting: [Pending] = []
        var cancelled: Set<String> = []
        var draining = false
    }

    let launcher: RunLauncher
    let accountStates: any AccountStateStore
    let maxConcurrentRuns: Int
    let logger: Logger
    private let state = Mutex(State())
    /// Called when a run finished (metrics, the scheduler's view of auto-pause).
    private let finishHandler = Mutex<@Sendable (RunRecord, RunOutcome?) -> Void>({ _, _ in })

    public init(
        launcher: RunLauncher, accountStates: any AccountStateStore, maxConcurrentRuns: Int, logger: Logger
    ) {
        self.launcher = launcher
        self.accountStates = accountStates
        self.maxConcurrentRuns = max(1, maxConcurrentRuns)
        self.logger = logger
    }

    /// Sets what happens when a run ends (wired after the scheduler exists).
    public func onRunFinished(_ handler: @escaping @Sendable (RunRecord, RunOutcome?) -> Void) {
        finishHandler.withLock { $0 = handler }
    }

    var environment: ExecutionEnvironment { launcher.executor.environment }
    var store: any RunStore { environment.store }
    var now: Date { environment.now() }

    /// Store writes that failed and wait to be retried, for `/healthz`; nil while the store works.
    public var storeProblem: String? { environment.storeHealth.problem }

    /// What the overlap policy counts for an account: its runs that started and have not ended (an interrupted
    /// run waiting to be resumed among them), and its runs recorded but not started (waiting for a slot or for
    /// its active run).
    public func runs(of accountID: String) -> (running: Int, waiting: Int) {
        state.withLock { state in
            let waiting = state.waiting.filter { $0.account.id == accountID }
            let resuming = waiting.count { $0.resume }
            return (state.active.values.count { $0.accountID == accountID } + resuming, waiting.count - resuming)
        }
    }

    public var activeRunIDs: [String] { state.withLock { Array($0.active.keys) } }

    /// Nothing running and nothing waiting.
    public var isIdle: Bool { state.withLock { $0.active.isEmpty && $0.waiting.isEmpty } }

    /// Records a new run (`queued`) and starts it when a slot is free. Returns nil when the fire already has a run.
    public func submit(
        account: Account, plan: Pipeline, trigger: RunTrigger, scheduledAt: Date?, configRevision: String?,
        afterActiveRun: Bool = false
    ) async throws -> RunRecord? {
        try await submit([
            RunSubmission(
                account: account, plan: plan, trigger: trigger, scheduledAt: scheduledAt,
                configRevision: configRevision, afterActiveRun: afterActiveRun)
        ])[0]
    }

    /// `submit` for many runs, recorded in one transaction (the fires of one instant); nil where the fire already
    /// has a run.
    public func submit(_ submissions: [RunSubmission]) async throws -> [RunRecord?] {
        guard !submissions.isEmpty else { return [] }
        let created = now
        let ids = RunID.make(submissions.count, at: created, randomIndex: environment.randomIndex)
        let owner = environment.owner()  // a queued run is this process's: a restart elsewhere leaves it alone
        let runs = zip(submissions, ids).map { submission, id in
            RunRecord(
                id: id,
                accountID: submission.account.id, pipeline: submission.plan.name, trigger: submission.trigger,
                scheduledAt: submission.scheduledAt, configRevision: submission.configRevision, createdAt: created,
                owner: owner)
        }
        let inserted = try await store.insertRuns(runs)
        let recorded = zip(runs, inserted).map { run, isNew in isNew ? run : nil }
        let pending = zip(submissions, recorded).compactMap { submission, run in
            run.map {
                Pending(
                    run: $0, account: submission.account, plan: submission.plan,
                    afterActiveRun: submission.afterActiveRun)
            }
        }
        state.withLock { $0.waiting.append(contentsOf: pending) }
        startWaiting()
        return recorded
    }

    /// Starts a run that was recorded `queued` but never started (the process stopped first); `afterActiveRun`:
    /// only once the account's active run ended (overlap `queue`).
    public func enqueueRecorded(_ run: RunRecord, account: Account, plan: Pipeline, afterActiveRun: Bool = false) {
        enqueue(Pending(run: run, account: account, plan: plan, afterActiveRun: afterActiveRun))
    }

    /// Resumes a run left `running` by a process that is gone.
    public func resume(_ run: RunRecord, account: Account, plan: Pipeline) {
        enqueue(Pending(run: run, account: account, plan: plan, resume: true))
    }

    /// Retries a failed run (a new `retry` run) or resumes an interrupted one, in the background.
    public func retry(
        runID: String, account: Account, plan: Pipeline, configRevision: String? = nil
    ) async throws
        -> RunRecord
    {
        switch try await launcher.prepareRetry(
            runID: runID, account: account, plan: plan, configRevision: configRevision)
        {
        case .resume(let run):
            let owner = run.owner
            guard owner.map(launcher.probe.isGone) ?? true else {
                throw RunLauncher.LaunchError.alreadyRunning(
                    runID, owner: owner.map { "pid \($0.pid) on \($0.host)" } ?? "")
            }
            resume(run, account: account, plan: plan)
            return run
        case .run(let job):
            enqueue(Pending(run: job.run, account: account, plan: plan, job: job))
            return job.run
        }
    }

    /// Cancels a run: not yet started → `cancelled` at once; running → its steps are stopped, it ends `cancelled`.
    public func cancel(_ runID: String) async throws -> Bool {
        let (waiting, task) = state.withLock { state -> (Pending?, Task<Void, Never>?) in
            if let index = state.waiting.firstIndex(where: { $0.run.id == runID }) {
                return (state.waiting.remove(at: index), nil)
            }
            guard let active = state.active[runID] else { return (nil, nil) }
            state.cancelled.insert(runID)
            return (nil, active.task)
        }
        if waiting != nil {
            try await store.updateRun(
                id: runID, status: .cancelled, reason: "cancelled before it started", owner: nil, at: now)
            return true
        }
        task?.cancel()
        return task != nil
    }

    func wasCancelledByUser(_ runID: String) -> Bool { state.withLock { $0.cancelled.contains(runID) } }

    private func enqueue(_ pending: Pending) {
        state.withLock { $0.waiting.append(pending) }
        startWaiting()
    }

    /// Starts waiting runs while slots are free, oldest first. Tasks are created under the lock, so a run is
    /// `active` before it can finish.
    private func startWaiting() {
        state.withLock { state in
            guard !state.draining else { return }
            var started: Set<Int> = []  // removed afterwards in one pass: one by one moved 1,000 runs 1,000 times
            for (index, pending) in state.waiting.enumerated() {
                guard state.active.count < maxConcurrentRuns else { break }
                if pending.afterActiveRun, state.active.values.contains(where: { $0.accountID == pending.account.id }) {
                    continue
                }
                let task = Task { [self] in await execute(pending) }
                state.active[pending.run.id] = (pending.account.id, task)
                started.insert(index)
            }
            guard !started.isEmpty else { return }
            state.waiting = state.waiting.enumerated().filter { !started.contains($0.offset) }.map(\.element)
        }
    }

    private func execute(_ pending: Pending) async {
        let run = pending.run
        var outcome: RunOutcome?
        var storeFailed = false
        do {
            if pending.resume {
                outcome = try await launcher.resume(runID: run.id, account: pending.account, plan: pending.plan)
            } else {
                let job = pending.job ?? RunJob(run: run, account: pending.account, plan: pending.plan)
                outcome = try await launcher.executor.execute(job)
            }
        } catch is CancellationError {
            if !wasCancelledByUser(run.id) {
                logger.notice("run interrupted; it will resume at the next start", metadata: ["run.id": "\(run.id)"])
            }
        } catch let error as RunLauncher.LaunchError {
            logger.error("run could not be resumed", metadata: ["run.id": "\(run.id)", "error": "\(error)"])
        } catch {
            storeFailed = true
            outcome = await recordStoreFailure(of: run, error)
        }
        if outcome == nil, wasCancelledByUser(run.id) {
            outcome = .cancelled
            do { try await markCancelled(run.id) } catch {
                logger.error("cancelled run not recorded", metadata: ["run.id": "\(run.id)", "error": "\(error)"])
            }
        }
        if let outcome, !storeFailed {
            do { try await recordOutcome(outcome, of: run, account: pending.account) } catch {
                logger.error(
                    "account state not saved", metadata: ["account": "\(run.accountID)", "error": "\(error)"])
            }
        }
        let finishedOutcome = outcome
        state.withLock { state in
            state.active[run.id] = nil
            state.cancelled.remove(run.id)
        }
        finishHandler.withLock { $0 }(run, finishedOutcome)
        startWaiting()
    }

    /// Shutdown: no new runs start; running ones get `grace` to finish, then they are cancelled and left
    /// resumable. Returns when every run has stopped.
    public func drain(grace: Duration, clock: any Clock<Duration>) async {
        let tasks = state.withLock { state in
            state.draining = true
            return state.active.values.map(\.task)
        }
        guard !tasks.isEmpty else { return }
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for task in tasks { await task.value }
                return true
            }
            group.addTask {
                try? await clock.sleep(for: grace)
                return false
            }
            if await group.next() == false {
                logger.notice("grace period over; stopping running steps", metadata: ["runs": "\(tasks.count)"])
                for task in tasks { task.cancel() }
            }
            group.cancelAll()
        }
        for task in tasks { await task.value }
    }
}
