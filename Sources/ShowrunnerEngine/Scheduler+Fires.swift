import Foundation
import ShowrunnerCore

extension Scheduler {
    /// Runs an on-time fire (or records why it did not run); a late fire goes through catch-up instead.
    func handle(_ fire: ScheduledFire, now: Date) async {
        guard let entry = state.withLock({ $0.book.entries[fire.accountID] }),
            let scheduled = state.withLock({ $0.desired[fire.accountID] })
        else { return }
        if now.timeIntervalSince(fire.startAt) > lateTolerance.seconds {
            await catchUp(scheduled, schedule: entry.schedule, now: now)
            return
        }
        metrics.recordLateness(now.timeIntervalSince(fire.scheduledAt), accountID: fire.accountID)
        await fireRun(scheduled, at: fire.scheduledAt, trigger: .schedule, overlap: entry.schedule.overlap)
        await rememberFire(fire.accountID, at: fire.scheduledAt)
    }

    /// Starts, queues or skips one fire according to the overlap policy. The store's unique key makes a fire
    /// offered twice produce one run.
    func fireRun(
        _ scheduled: ScheduledAccount, at instant: Date, trigger: RunTrigger, overlap: Schedule.OverlapPolicy
    ) async {
        let account = scheduled.account
        let decision = OverlapDecision.decide(
            overlap, activeRuns: coordinator.activeRuns(of: account.id), alreadyQueued: coordinator.isQueued(account.id)
        )
        do {
            switch decision {
            case .start, .queue:
                let run = try await coordinator.submit(
                    account: account, plan: scheduled.plan, trigger: trigger, scheduledAt: instant,
                    configRevision: scheduled.configRevision, afterActiveRun: decision == .queue)
                if run == nil { logger.info("fire already has a run", metadata: ["account": "\(account.id)"]) }
            case .skip:
                try await record(
                    account, plan: scheduled.plan, at: instant, trigger: trigger, status: .skipped,
                    reason: "skipped: the previous run of this account was still active (overlap: skip)")
            }
        } catch {
            logger.error("fire could not be recorded", metadata: ["account": "\(account.id)", "error": "\(error)"])
        }
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
        for instant in plan.missed {
            try? await record(
                scheduled.account, plan: scheduled.plan, at: instant, trigger: .catchUp, status: .missed, reason: reason
            )
        }
        for instant in plan.run {
            await fireRun(scheduled, at: instant, trigger: .catchUp, overlap: schedule.overlap)
        }
        if let newest = (plan.missed + plan.run).max() { await rememberFire(id, at: newest) }
        state.withLock { $0.book.set(scheduled.account, plan: scheduled.plan, schedule: schedule, after: now) }
    }

    /// A fire that did not run, recorded so nothing is dropped silently.
    func record(
        _ account: Account, plan: Pipeline, at instant: Date, trigger: RunTrigger, status: RunStatus, reason: String
    ) async throws {
        let created = now()
        let run = RunRecord(
            id: RunID.make(at: created, randomIndex: coordinator.launcher.executor.environment.randomIndex),
            accountID: account.id, pipeline: plan.name, trigger: trigger, scheduledAt: instant, status: status,
            reason: reason, createdAt: created, finishedAt: created)
        _ = try await runs.insertRun(run)
        metrics.recordRun(accountID: account.id, status: status)
    }

    /// Persists the newest handled fire: catch-up after a restart starts after it.
    func rememberFire(_ accountID: String, at instant: Date) async {
        do {
            let updated = try await accountStates.updateAccountState(accountID) { state in
                if (state.lastFireAt ?? .distantPast) < instant { state.lastFireAt = instant }
            }
            state.withLock { $0.accountStates[accountID] = updated }
        } catch {
            logger.error("account state not saved", metadata: ["account": "\(accountID)", "error": "\(error)"])
        }
    }
}
