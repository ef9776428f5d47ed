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
        let handled = onTime.filter { recorded.contains($0.fire.accountID) }  // the rest: caught up after a restart
        await rememberFires(Dictionary(handled.map { ($0.fire.accountID, $0.fire.scheduledAt) }) { a, b in max(a, b) })
    }

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
        var skipped: [RunRecord] = []
        let created = now()
        for (scheduled, instant, overlap) in fires {
            let account = scheduled.account
            let decision = OverlapDecision.decide(
                overlap, activeRuns: coordinator.activeRuns(of: account.id),
                alreadyQueued: coordinator.isQueued(account.id))
            if decision == .skip {
                skipped.append(
                    notRun(
                        account, plan: scheduled.plan, at: instant, trigger: trigger, status: .skipped,
                        created: created,
                        reason: "skipped: the previous run of this account was still active (overlap: skip)"))
            } else {
                submissions.append(
                    RunSubmission(
                        account: account, plan: scheduled.plan, trigger: trigger, scheduledAt: instant,
                        configRevision: scheduled.configRevision, afterActiveRun: decision == .queue))
            }
        }
        var recorded = await submit(submissions)
        do {
            try await insertNotRun(skipped)
            recorded.formUnion(skipped.map(\.accountID))
        } catch {
            logger.error(
                "skipped fires could not be recorded", metadata: ["fires": "\(skipped.count)", "error": "\(error)"])
        }
        return recorded
    }

    /// Records and starts the runs, together or — when that fails — one by one; returns their accounts.
    private func submit(_ submissions: [RunSubmission]) async -> Set<String> {
        do {
            for (submission, run) in zip(submissions, try await coordinator.submit(submissions)) where run == nil {
                logger.info("fire already has a run", metadata: ["account": "\(submission.account.id)"])
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
                _ = try await coordinator.submit([submission])
                recorded.insert(submission.account.id)
            } catch {
                logger.error(
                    "fire could not be recorded",
                    metadata: ["account": "\(submission.account.id)", "error": "\(error)"])
            }
        }
        return recorded
    }

    /// The fires since the last one handled: run per `catch_up.policy` within the window, the rest `missed`.
    func catchUp(_ scheduled: ScheduledAccount, schedule: Schedule, now: Date) async {
        let id = scheduled.account.id
        let last = state.withLock { $0.accountStates[id]?.lastFireAt }
        guard let last else {
            state.withLock { $0.book.set(scheduled.account, plan: scheduled.plan, schedule: schedule, after: now) }
            return
        }
        let plan = CatchUpPlan.plan(for: schedule, lastFire: last, now: now)
        if plan.notListed > 0 {
            logger.warning(
                "too many missed fires to list", metadata: ["account": "\(id)", "not_listed": "\(plan.notListed)"])
        }
        let reason =
            "missed: showrunner was not running or the clock jumped (catch_up window \(schedule.catchUpWindow.configText), "
            + "policy \(schedule.catchUpPolicy.rawValue))"
        let created = self.now()
        do {
            try await insertNotRun(
                plan.missed.map {
                    notRun(
                        scheduled.account, plan: scheduled.plan, at: $0, trigger: .catchUp, status: .missed,
                        created: created, reason: reason)
                })
        } catch {
            logger.error("missed fires could not be recorded", metadata: ["account": "\(id)", "error": "\(error)"])
        }
        for instant in plan.run {  // one by one: each overlap decision sees the run started before it
            await fireRuns([(scheduled, instant, schedule.overlap)], trigger: .catchUp)
        }
        if let newest = (plan.missed + plan.run).max() { await rememberFires([id: newest]) }
        state.withLock { $0.book.set(scheduled.account, plan: scheduled.plan, schedule: schedule, after: now) }
    }

    /// A fire that did not run, recorded (by `insertNotRun`, which gives it its id) so nothing is dropped silently.
    func notRun(
        _ account: Account, plan: Pipeline, at instant: Date, trigger: RunTrigger, status: RunStatus, created: Date,
        reason: String
    ) -> RunRecord {
        RunRecord(
            id: "", accountID: account.id, pipeline: plan.name, trigger: trigger, scheduledAt: instant, status: status,
            reason: reason, createdAt: created, finishedAt: created)
    }

    func insertNotRun(_ records: [RunRecord]) async throws {
        guard let created = records.first?.createdAt else { return }
        let ids = RunID.make(
            records.count, at: created, randomIndex: coordinator.launcher.executor.environment.randomIndex)
        let runs = zip(records, ids).map { record, id in
            var run = record
            run.id = id
            return run
        }
        let inserted = try await self.runs.insertRuns(runs)
        for (run, isNew) in zip(runs, inserted) where isNew {
            metrics.recordRun(accountID: run.accountID, status: run.status)
        }
    }

    /// Persists the newest handled fire of each account: catch-up after a restart starts after it.
    func rememberFires(_ instants: [String: Date]) async {
        guard !instants.isEmpty else { return }
        do {
            let updated = try await accountStates.recordFires(instants)
            state.withLock { $0.accountStates.merge(updated) { _, new in new } }
        } catch {
            logger.error("account state not saved", metadata: ["accounts": "\(instants.count)", "error": "\(error)"])
        }
    }
}
