import Foundation
import ShowrunnerCore

/// One run, from its start to its recorded end: a child task of `RunCoordinator.run()`.
extension RunCoordinator {
    /// Runs that got slots at the same moment (the fires of one instant): the new ones are recorded `running` in
    /// one write, then all are executed side by side. When that write fails, each run records its own start and
    /// meets the store's error there.
    func executeTogether(_ batch: [Pending]) async {
        let fresh = batch.filter { !$0.resume }.map(\.run.id)
        var marked = false
        if !fresh.isEmpty {
            do {
                try await store.markRunning(ids: fresh, owner: environment.owner(), at: now)
                marked = true
            } catch {
                logger.warning(
                    "runs not recorded running together", metadata: ["runs": "\(fresh.count)", "error": "\(error)"])
            }
        }
        await withDiscardingTaskGroup { group in
            for var pending in batch {
                pending.markedRunning = marked && !pending.resume
                group.addTask { await self.execute(pending) }
            }
        }
    }

    func execute(_ pending: Pending) async {
        let pending = withActivity(pending)
        let run = pending.run
        var outcome: RunOutcome?
        var storeFailed = false
        do {
            outcome = try await perform(pending)
        } catch is CancellationError {
            logger.notice("run interrupted; it will resume at the next start", metadata: ["run.id": "\(run.id)"])
        } catch let error as RunRefusal {
            logger.error("run could not be resumed", metadata: ["run.id": "\(run.id)", "error": "\(error)"])
        } catch {
            storeFailed = true
            outcome = await recordStoreFailure(of: run, error)
        }
        if let outcome, !storeFailed {
            do { try await recordOutcome(outcome, of: run, account: pending.account) } catch {
                logger.error(
                    "account state not saved", metadata: ["account": "\(run.accountID)", "error": "\(error)"])
            }
        }
        await listener.withLock { $0 }?.runFinished(run, outcome: outcome)
        ended(run.id)
        pending.finished?(outcome)
        startWaiting()
    }

    /// Resumes or executes the run; nil when it was interrupted (shutdown).
    private func perform(_ pending: Pending) async throws -> RunOutcome? {
        let (observer, events, accountID, runID) =
            (pending.observer, environment.reporting.runEvents, pending.account.id, pending.run.id)
        let observe: @Sendable (RunEvent) -> Void = {
            observer($0)
            events(accountID, runID, $0)
        }
        if pending.resume {
            return try await launcher.resume(
                runID: pending.run.id, account: pending.account, mergedPipeline: pending.mergedPipeline,
                observer: observe,
                cancellation: pending.cancellation)
        }
        var job =
            pending.job
            ?? RunJob(
                run: pending.run, account: pending.account, mergedPipeline: pending.mergedPipeline,
                dryRun: pending.dryRun)
        job.observer = observe
        job.markedRunning = pending.markedRunning
        job.cancellation = pending.cancellation
        return try await launcher.executor.execute(job)
    }

    /// `pending` whose observer also tells the activity listener (the dashboard's live events).
    private func withActivity(_ pending: Pending) -> Pending {
        guard let activity = activity.withLock({ $0 }) else { return pending }
        var pending = pending
        let observer = pending.observer
        let run = pending.run
        pending.observer = { event in
            observer(event)
            activity.runEvent(event, of: run)
        }
        return pending
    }
}
