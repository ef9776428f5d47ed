import Foundation
import ShowrunnerCore

@testable import ShowrunnerEngine

/// Runs a job straight through the executor, without a coordinator: for tests of the executor alone (a run's
/// steps, retries, interruption by cancelling the task).
extension RunLauncher {
    func start(
        account: Account, mergedPipeline: Pipeline, trigger: RunTrigger, scheduledAt: Date? = nil, dryRun: Bool = false,
        cancellation: RunCancellation = RunCancellation(), observer: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) async throws -> (RunRecord, RunOutcome?) {
        let environment = executor.environment
        let submission = RunSubmission(
            account: account, mergedPipeline: mergedPipeline, trigger: trigger, scheduledAt: scheduledAt,
            configRevision: nil)
        let run = RunRecords(environment: environment).queued([submission])[0]
        guard try await environment.runs.insertRun(run) else { throw RunRefusal.fireAlreadyRecorded(run.id) }
        let job = RunJob(
            run: run, account: account, mergedPipeline: mergedPipeline, dryRun: dryRun, observer: observer,
            cancellation: cancellation)
        return (run, try await executor.execute(job))
    }

    func retry(runID: String, account: Account, mergedPipeline: Pipeline) async throws -> (RunRecord, RunOutcome?) {
        switch try await prepareRetry(runID: runID, account: account, mergedPipeline: mergedPipeline) {
        case .resume(let run):
            return (run, try await resume(runID: run.id, account: account, mergedPipeline: mergedPipeline))
        case .run(let job): return (job.run, try await executor.execute(job))
        }
    }
}
