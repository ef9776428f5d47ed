import Foundation
import ShowrunnerCore

extension Scheduler {
    /// Handles the fires of one pass: a late one goes through catch-up; the on-time ones are recorded together (one
    /// transaction for their runs, one for their fire times), so a thousand accounts due at the same instant start
    /// within milliseconds of it.
    func handle(_ due: [ScheduledFire], now: Date) async {
        var onTime: [(fire: ScheduledFire, scheduled: ScheduledAccount, overlap: Schedule.OverlapPolicy)] = []
        for fire in due {
            guard let entry = state.withLock({ $0.book.entries[fire.accountID] }),
                let scheduled = state.withLock({ $0.desired[fire.accountID] })
            else { continue }
            if now.timeIntervalSince(fire.startAt) > lateTolerance.seconds {
                await catchUp(scheduled, schedule: entry.schedule, now: now)
            } else {
                metrics.recordLateness(now.timeIntervalSince(fire.scheduledAt), accountID: fire.accountID)
                onTime.append((fire, scheduled, entry.schedule.overlap))
            }
        }
        let recorded = await fireRuns(
            onTime.map { ($0.scheduled, $0.fire.scheduledAt, $0.overlap) }, trigger: .schedule)
        let handled = onTime.filter { recorded.contains($0.fire.accountID) }
        markUnrecorded(onTime.filter { !recorded.contains($0.fire.accountID) }.map(\.fire))
        await rememberFires(Dictionary(handled.map { ($0.fire.accountID, $0.fire.scheduledAt) }) { a, b in max(a, b) })
    }

    /// Fires the store refused: their accounts' last fire stays before them, and `catchUpUnrecorded` retries them.
    private func markUnrecorded(_ fires: [ScheduledFire]) {
        guard !fires.isEmpty else { return }
        state.withLock { state in
            for fire in fires {
                state.unrecorded[fire.accountID] = min(
                    state.unrecorded[fire.accountID] ?? .distantFuture, fire.scheduledAt)
            }
        }
    }

    /// Catches up the accounts whose fires the store refused (each fire since its last recorded one is run per
    /// `catch_up` or recorded `missed`); an account no longer scheduled is let go.
    func catchUpUnrecorded(_ ids: Set<String>, now: Date) async {
        for id in ids.sorted() {
            let current = state.withLock { state -> (ScheduledAccount, Schedule)? in
                guard let entry = state.book.entries[id], let scheduled = state.desired[id] else { return nil }
                return (scheduled, entry.schedule)
            }
            guard let (scheduled, schedule) = current else {
                state.withLock { $0.unrecorded[id] = nil }
                storeHealth.succeeded(Self.firesKey(id))
                continue
            }
            await catchUp(scheduled, schedule: schedule, now: now)
        }
    }

    var storeHealth: StoreHealth { coordinator.environment.reporting.storeHealth }

    static func firesKey(_ accountID: String) -> String { "fires of \(accountID)" }

    /// Starts, queues or skips each fire according to its account's overlap policy (at most one fire per account:
    /// each decision sees the runs active before the batch). The store's unique key makes a fire offered twice
    /// produce one run. Returns the accounts whose fire is recorded; when the batch cannot be written, each fire is
    /// tried alone, so one bad row does not lose the others.
    @discardableResult
    func fireRuns(
        _ fires: [(scheduled: ScheduledAccount, instant: Date, overlap: Schedule.OverlapPolicy)], trigger: RunTrigger
    ) async -> Set<String> {
        guard !fires.isEmpty else { return [] }
        var submissions: [RunSubmission] = []
        var skipped: [NotRunFire] = []
        let clustered = coordinator.isClustered  // the store decides over every node's runs
        for (scheduled, instant, overlap) in fires {
            let account = scheduled.account
            let (running, waiting) = coordinator.runs(of: account.id)
            let decision = clustered ? .start : OverlapDecision.decide(overlap, running: running, waiting: waiting)
            if decision == .skip {
                skipped.append(
                    notRun(
                        account, mergedPipeline: scheduled.mergedPipeline, at: instant, trigger: trigger,
                        status: .skipped,
                        reason: OverlapDecision.skipReason(overlap, waiting: waiting)))
            } else {
                submissions.append(
                    RunSubmission(
                        account: account, mergedPipeline: scheduled.mergedPipeline, trigger: trigger,
                        scheduledAt: instant,
                        configRevision: scheduled.configRevision, afterActiveRun: decision == .queue,
                        overlap: clustered ? overlap : nil))
            }
        }
        var recorded = await submit(submissions)
        do {
            try await insertNotRun(skipped)
            recorded.formUnion(skipped.map(\.accountID))
        } catch {
            logger.error(
                "skipped fires could not be recorded", metadata: ["fires": "\(skipped.count)", "error": "\(error)"])
            for run in skipped { storeHealth.failed(Self.firesKey(run.accountID), error) }
        }
        return recorded
    }

    /// Records and starts the runs in two slices: the first 16 start as soon as their transaction commits, while the
    /// rest is written, so the first of 1,000 fires of one instant does not wait for the last row — and every run is
    /// still recorded before it starts. Two, not more: the store writes in order, and the started runs' own writes
    /// would queue ahead of a third slice. On a cluster, one slice: every node claims from the whole instant at once
    /// (two slices made the later fires wait for a second claim round, 64 → 23–45 ms p99 with three nodes).
    /// Returns their accounts.
    private func submit(_ submissions: [RunSubmission]) async -> Set<String> {
        let first = coordinator.isClustered ? submissions.count : min(16, submissions.count)
        var recorded = await submitSlice(Array(submissions[..<first]))
        if first < submissions.count { recorded.formUnion(await submitSlice(Array(submissions[first...]))) }
        return recorded
    }

    /// Records and starts the runs, together or — when that fails — one by one; returns their accounts.
    private func submitSlice(_ submissions: [RunSubmission]) async -> Set<String> {
        do {
            for (submission, run) in zip(submissions, try await coordinator.submit(submissions)) {
                if run == nil {
                    logger.info("fire already has a run", metadata: ["account": "\(submission.account.id)"])
                }
                countSkipped(run)
            }
            return Set(submissions.map(\.account.id))
        } catch {
            logger.error(
                "fires could not be recorded together",
                metadata: ["fires": "\(submissions.count)", "error": "\(error)"])
        }
        var recorded: Set<String> = []
        for submission in submissions {
            do {
                countSkipped(try await coordinator.submit([submission]).first ?? nil)
                recorded.insert(submission.account.id)
            } catch {
                logger.error(
                    "fire could not be recorded",
                    metadata: ["account": "\(submission.account.id)", "error": "\(error)"])
                storeHealth.failed(Self.firesKey(submission.account.id), error)
            }
        }
        return recorded
    }

    /// Counts a fire the store recorded `skipped` (a cluster's overlap decision) in the metrics.
    private func countSkipped(_ run: RunRecord?) {
        if let run, run.status == .skipped { count(run, status: .skipped) }
    }

    /// The fires since the last one recorded: run per `catch_up.policy` within the window, the rest `missed`. When
    /// the store refuses any of it, the account's last fire is not advanced and it is tried again.
    func catchUp(_ scheduled: ScheduledAccount, schedule: Schedule, now: Date) async {
        let id = scheduled.account.id
        let (last, earliest) = state.withLock { ($0.accountStates[id]?.lastFireAt, $0.unrecorded[id]) }
        let before = earliest.map { $0.addingTimeInterval(-0.001) }  // the refused fire is after it
        guard let from = [last, before].compactMap({ $0 }).min() else {
            state.withLock {
                $0.book.set(scheduled.account.id, schedule: schedule, after: now)
            }
            return
        }
        let catchUp = CatchUpPlan.plan(for: schedule, lastFire: from, now: now)
        if catchUp.notListed > 0 {
            logger.warning(
                "too many missed fires to list", metadata: ["account": "\(id)", "not_listed": "\(catchUp.notListed)"])
        }
        var complete = await recordMissed(catchUp.missed, of: scheduled, schedule: schedule)
        for instant in catchUp.run {  // one by one: each overlap decision sees the run started before it
            if await !fireRuns([(scheduled, instant, schedule.overlap)], trigger: .catchUp).contains(id) {
                complete = false
            }
        }
        if complete {
            if let newest = (catchUp.missed + catchUp.run).max() { await rememberFires([id: newest]) }
            state.withLock { $0.unrecorded[id] = nil }
            storeHealth.succeeded(Self.firesKey(id))
        } else {
            state.withLock { $0.unrecorded[id] = earliest ?? (catchUp.missed + catchUp.run).min() ?? now }
        }
        state.withLock {
            $0.book.set(scheduled.account.id, schedule: schedule, after: now)
        }
    }

    /// Records the fires a catch-up does not run as `missed`; false when the store refused them.
    private func recordMissed(_ instants: [Date], of scheduled: ScheduledAccount, schedule: Schedule) async -> Bool {
        let id = scheduled.account.id
        let reason =
            "missed: showrunner was not running, the clock jumped or the store refused writes (catch_up window "
            + "\(schedule.catchUpWindow.configText), policy \(schedule.catchUpPolicy.rawValue))"
        do {
            try await insertNotRun(
                instants.map {
                    notRun(
                        scheduled.account, mergedPipeline: scheduled.mergedPipeline, at: $0, trigger: .catchUp,
                        status: .missed,
                        reason: reason)
                })
            return true
        } catch {
            logger.error("missed fires could not be recorded", metadata: ["account": "\(id)", "error": "\(error)"])
            storeHealth.failed(Self.firesKey(id), error)
            return false
        }
    }

    /// A fire that did not run, recorded (by `insertNotRun`) so nothing is dropped silently.
    func notRun(
        _ account: Account, mergedPipeline: Pipeline, at instant: Date, trigger: RunTrigger, status: RunStatus,
        reason: String
    ) -> NotRunFire {
        NotRunFire(
            accountID: account.id, pipeline: mergedPipeline.name, trigger: trigger, scheduledAt: instant,
            status: status,
            reason: reason)
    }

    func insertNotRun(_ fires: [NotRunFire]) async throws {
        for run in try await coordinator.recordNotRun(fires) {
            count(run, status: run.status)
        }
    }

    /// Persists the newest handled fire of each account: catch-up after a restart starts after it.
    func rememberFires(_ instants: [String: Date]) async {
        guard !instants.isEmpty else { return }
        do {
            let updated = try await accountStates.recordFires(instants)
            state.withLock { $0.accountStates.merge(updated) { _, new in new } }
            storeHealth.succeeded("last fire times")
        } catch {  // harmless to lose: their runs are recorded, and a fire offered again makes no second run
            logger.error("account state not saved", metadata: ["accounts": "\(instants.count)", "error": "\(error)"])
            storeHealth.failed("last fire times", error)
        }
    }
}
