import Foundation
import ShowrunnerCore

/// The one place run records and their ids are made: runs to start (owned by this process while queued, so a
/// daemon starting up leaves them alone), retries, and fires that did not run.
struct RunRecords: Sendable {
    let environment: ExecutionEnvironment

    /// New `queued` runs for `submissions`, created now, with ids that differ even at the same instant; not
    /// `owned`: without an owner, for a cluster node's claim.
    func queued(_ submissions: [RunSubmission], owned: Bool = true) -> [RunRecord] {
        let created = environment.time.now()
        let ids = RunID.make(submissions.count, at: created, randomIndex: environment.randomness.randomIndex)
        let owner = owned ? environment.owner() : nil
        return zip(submissions, ids).map { submission, id in
            RunRecord(
                id: id, accountID: submission.account.id, pipeline: submission.mergedPipeline.name,
                trigger: submission.trigger,
                scheduledAt: submission.scheduledAt, configRevision: submission.configRevision, createdAt: created,
                owner: owner)
        }
    }

    /// The `retry` run of `old`, run with `configRevision` (nil: the failed run's).
    func retry(of old: RunRecord, account: Account, mergedPipeline: Pipeline, configRevision: String?) -> RunRecord {
        let now = environment.time.now()
        return RunRecord(
            id: RunID.make(at: now, randomIndex: environment.randomness.randomIndex), accountID: account.id,
            pipeline: mergedPipeline.name,
            trigger: .retry, scheduledAt: old.scheduledAt, configRevision: configRevision ?? old.configRevision,
            retryOf: old.id, createdAt: now, owner: environment.owner())
    }

    /// Fires that did not run (`missed`, `skipped`), finished when recorded.
    func notRun(_ fires: [NotRunFire]) -> [RunRecord] {
        let created = environment.time.now()
        let ids = RunID.make(fires.count, at: created, randomIndex: environment.randomness.randomIndex)
        return zip(fires, ids).map { fire, id in
            RunRecord(
                id: id, accountID: fire.accountID, pipeline: fire.pipeline, trigger: fire.trigger,
                scheduledAt: fire.scheduledAt, status: fire.status, reason: fire.reason, createdAt: created,
                finishedAt: created)
        }
    }
}
