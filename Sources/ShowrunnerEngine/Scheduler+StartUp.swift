import Foundation
import ShowrunnerCore

/// What start-up takes over from a process that is gone (SPEC §5 durability, §10 guarantee 9).
extension Scheduler {
    /// Resumes the runs left `running` by a process that is gone.
    func resumeInterrupted() async throws {
        for run in try await runs.runningRuns() {
            guard let owner = run.owner, probe.isGone(owner), !coordinator.isTracking(run.id) else { continue }
            guard let account = state.withLock({ $0.desired[run.accountID] }) else {
                logger.warning(
                    "interrupted run's account is not configured; left as is", metadata: ["run.id": "\(run.id)"])
                continue
            }
            logger.notice("resuming interrupted run", metadata: ["account": "\(run.accountID)", "run.id": "\(run.id)"])
            coordinator.resume(run, account: account.account, mergedPipeline: account.mergedPipeline)
        }
    }

    /// Every run left `queued` by a process that is gone (however shortly before it stopped), oldest first: started,
    /// or recorded `skipped` when the account's overlap policy says so — counting the runs resumed or taken over
    /// before it, so a storm of restarts leaves at most what `overlap` allows. A run queued by a live process (a
    /// CLI `trigger`) is its own. A run whose account is no longer configured is recorded `skipped`.
    func takeOverQueued() async throws {
        guard !coordinator.isClustered else { return }  // a cluster node claims queued runs (RunClaimService)
        let queued = try await runs.runs(matching: RunQuery(status: .queued, limit: 1_000_000))
        for run in queued.reversed() {
            if let owner = run.owner, !probe.isGone(owner) { continue }
            guard let scheduled = state.withLock({ $0.desired[run.accountID] }) else {
                await skipQueued(run, reason: "skipped: the account was not configured when showrunner started")
                continue
            }
            let policy = scheduled.account.schedule?.overlap ?? .skip
            let (running, waiting) = coordinator.runs(of: run.accountID)
            let explicit = run.trigger == .manual || run.trigger == .retry  // asked for: overlap does not apply
            let decision = explicit ? .start : OverlapDecision.decide(policy, running: running, waiting: waiting)
            if decision == .skip {
                await skipQueued(run, reason: OverlapDecision.skipReason(policy, waiting: waiting))
                continue
            }
            logger.notice(
                "starting a run queued before the last stop",
                metadata: ["account": "\(run.accountID)", "run.id": "\(run.id)"])
            coordinator.enqueueRecorded(
                run, account: scheduled.account, mergedPipeline: scheduled.mergedPipeline,
                afterActiveRun: decision == .queue)
        }
    }

    /// The cluster's periodic sweep: takes over the runs whose owner is gone (a node that died or lost its
    /// lease); they resume from their last completed step.
    public func takeOverAbandonedRuns() async {
        do {
            try await resumeInterrupted()
        } catch {
            logger.error("abandoned runs not taken over", metadata: ["error": "\(error)"])
        }
    }

    /// A store that refuses the write leaves the run `queued` for the next start (start-up goes on).
    private func skipQueued(_ run: RunRecord, reason: String) async {
        do {
            try await runs.updateRun(id: run.id, status: .skipped, reason: reason, owner: nil, at: now())
            count(run, status: .skipped)
        } catch {
            logger.error("queued run not recorded skipped", metadata: ["run.id": "\(run.id)", "error": "\(error)"])
        }
    }
}

extension Scheduler {
    /// The accounts configured here with a good version, by id (what a cluster node may claim runs of).
    public func configuredAccounts() -> [String: ScheduledAccount] {
        state.withLock { $0.desired }
    }
}
