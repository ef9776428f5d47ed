import Foundation
import ShowrunnerCore

/// Runs asked for by someone — the API, `showrunner trigger`, `showrunner retry` — and fires recorded without
/// running.
extension RunCoordinator {
    /// Retries a failed run (a new `retry` run) or resumes an interrupted one, in the background.
    public func retry(
        runID: String, account: Account, mergedPipeline: Pipeline, configRevision: String? = nil
    ) async throws -> RunRecord {
        let pending = try await retryPending(
            runID: runID, account: account, mergedPipeline: mergedPipeline, configRevision: configRevision)
        enqueue(pending)
        return pending.run
    }

    /// `retry`, waiting for the run's end; `observer` sees its events (the CLI's progress).
    public func retryToEnd(
        runID: String, account: Account, mergedPipeline: Pipeline, configRevision: String?,
        observer: @escaping @Sendable (RunEvent) -> Void
    ) async throws -> (RunRecord, RunOutcome?) {
        var pending = try await retryPending(
            runID: runID, account: account, mergedPipeline: mergedPipeline, configRevision: configRevision)
        pending.observer = observer
        return (pending.run, await toEnd(pending))
    }

    private func retryPending(
        runID: String, account: Account, mergedPipeline: Pipeline, configRevision: String?
    ) async throws -> Pending {
        switch try await launcher.prepareRetry(
            runID: runID, account: account, mergedPipeline: mergedPipeline, configRevision: configRevision)
        {
        case .resume(let run):
            let owner = run.owner
            guard owner.map(launcher.probe.isGone) ?? true else {
                throw RunRefusal.alreadyRunning(
                    runID, owner: owner.map { "pid \($0.pid) on \($0.host)" } ?? "")
            }
            return Pending(run: run, account: account, mergedPipeline: mergedPipeline, resume: true)
        case .run(let job):
            return Pending(run: job.run, account: account, mergedPipeline: mergedPipeline, job: job)
        }
    }

    /// A run asked for now (`showrunner trigger`), waiting for its end. With `overlap`, the account's policy
    /// applies to its active runs here and to those of other live processes in the same store (a daemon): a skip
    /// is recorded `skipped` and returned as such; `queue` waits until the others' runs ended.
    public func runToEnd(
        _ submission: RunSubmission, overlap: Schedule.OverlapPolicy?, dryRun: Bool = false,
        observer: @escaping @Sendable (RunEvent) -> Void = { _ in }, pollInterval: Duration = .seconds(1)
    ) async throws -> (RunRecord, RunOutcome?) {
        var submission = submission
        if let overlap {
            let decision = try await overlapDecision(submission.account.id, overlap)
            switch decision.decision {
            case .skip:
                let reason = OverlapDecision.skipReason(overlap, waiting: decision.waiting)
                let fire = NotRunFire(
                    accountID: submission.account.id, pipeline: submission.mergedPipeline.name,
                    trigger: submission.trigger,
                    scheduledAt: submission.scheduledAt, status: .skipped, reason: reason)
                guard let run = try await recordNotRun([fire]).first else {
                    throw RunRefusal.fireAlreadyRecorded(submission.account.id)
                }
                let outcome = RunOutcome.skipped(RunSkip(reason: reason))
                observer(.runFinished(runID: run.id, outcome: outcome))
                return (run, outcome)
            case .queue:
                submission.afterActiveRun = true
                try await waitForOtherProcesses(submission.account.id, every: pollInterval)
            case .start:
                break
            }
        }
        guard let run = try await record([submission])[0] else {
            throw RunRefusal.fireAlreadyRecorded(submission.account.id)
        }
        let pending = Pending(
            run: run, account: submission.account, mergedPipeline: submission.mergedPipeline,
            afterActiveRun: submission.afterActiveRun, dryRun: dryRun, observer: observer)
        return (run, await toEnd(pending))
    }

    /// Enqueues the run and waits for its outcome.
    private func toEnd(_ pending: Pending) async -> RunOutcome? {
        await withCheckedContinuation { (continuation: CheckedContinuation<RunOutcome?, Never>) in
            var pending = pending
            pending.finished = { continuation.resume(returning: $0) }
            let stopped = state.withLock { $0.stopped }
            if stopped { continuation.resume(returning: nil) } else { enqueue(pending) }
        }
    }

    /// The overlap decision counting this process's runs and the store's queued and running runs of the account
    /// whose owner is another live process.
    func overlapDecision(
        _ accountID: String, _ policy: Schedule.OverlapPolicy
    ) async throws -> (decision: OverlapDecision, waiting: Int) {
        let (running, waiting) = runs(of: accountID)
        let (otherRunning, otherWaiting) = try await otherProcessRuns(of: accountID)
        let total = (running + otherRunning, waiting + otherWaiting)
        return (OverlapDecision.decide(policy, running: total.0, waiting: total.1), total.1)
    }

    /// The account's runs owned by other live processes: running ones, and queued ones.
    func otherProcessRuns(of accountID: String) async throws -> (running: Int, waiting: Int) {
        let me = environment.owner()
        var counts = (running: 0, waiting: 0)
        for status in [RunStatus.running, .queued] {
            let rows = try await store.runs(matching: RunQuery(accountID: accountID, status: status, limit: 1000))
            let live = rows.count { run in
                guard let owner = run.owner else { return false }
                return !(owner.host == me.host && owner.pid == me.pid) && !launcher.probe.isGone(owner)
            }
            if status == .running { counts.running = live } else { counts.waiting = live }
        }
        return counts
    }

    private func waitForOtherProcesses(_ accountID: String, every interval: Duration) async throws {
        while try await otherProcessRuns(of: accountID).running > 0 {
            try await environment.time.clock.sleep(for: interval)
        }
    }

    /// Records fires that did not run (`missed`, `skipped`); their ids are made here like every run's.
    @discardableResult
    public func recordNotRun(_ fires: [NotRunFire]) async throws -> [RunRecord] {
        guard !fires.isEmpty else { return [] }
        let runs = records.notRun(fires)
        let inserted = try await store.insertRuns(runs)
        return zip(runs, inserted).filter(\.1).map(\.0)
    }

    /// Runs `body` while this coordinator executes runs (a command outside the daemon), then stops it: runs still
    /// going when `body` ends are left resumable.
    public func whileRunning<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            await drain(grace: .zero, clock: ContinuousClock())
            try await group.waitForAll()
            return try result.get()
        }
    }
}
