import Foundation
import ShowrunnerCore

/// Runs one attempt of one step: renders its inputs, enforces the timeout, and turns every way it can end into
/// a `StepResult` or a `StepFailure` with secrets removed.
struct AttemptRunner: Sendable {
    let environment: ExecutionEnvironment
    let job: RunJob

    func run(
        _ step: PipelineStep, attempt: Int, outputs: [String: [String: ConfigValue]]
    ) async -> Result<
        StepResult, StepFailure
    > {
        let inputs: [String: ConfigValue]
        let redactor: Redactor
        do {
            let (rendered, secrets) = try render(step, outputs: outputs)
            (inputs, redactor) = (rendered, Redactor(secrets: secrets))
        } catch {
            return .failure(error)
        }
        do {
            guard let kind = environment.steps[step.uses] else {
                throw StepFailure(.permanent, "step kind '\(step.uses)' is not available in this build of showrunner.")
            }
            let context = try makeContext(step, attempt: attempt, inputs: inputs, redactor: redactor)
            let dryRun = job.dryRun && (step.sideEffects || StepKind.builtIn[step.uses]?.hasSideEffects == true)
            let result = try await environment.limits.kindLimiter.withSlot(for: step.uses) {
                try await withTimeout(step.timeout, step: step) {  // waiting for a slot does not count
                    dryRun ? try await kind.dryRun(context) : try await kind.run(context)
                }
            }
            return .success(redactedResult(result, redactor))
        } catch let failure as StepFailure {
            return .failure(redactor.redact(failure))
        } catch is CancellationError {
            return .failure(StepFailure(.transient, "interrupted: showrunner was stopping."))
        } catch {
            let message = "step kind '\(step.uses)' failed unexpectedly: \(error)."
            return .failure(redactor.redact(StepFailure(.permanent, message)))
        }
    }

    private func render(
        _ step: PipelineStep, outputs: [String: [String: ConfigValue]]
    ) throws(StepFailure) -> (
        [String: ConfigValue], [String]
    ) {
        let context = try TemplateContext.make(
            account: job.account, run: job.run, outputs: outputs, resolveSecret: environment.resolveSecret)
        let renderer = TemplateRenderer(context: context, resolveSecret: environment.resolveSecret)
        var inputs: [String: ConfigValue] = [:]
        var secrets: [String] = []
        for (name, value) in StepWiring.inputs(for: step, in: job.mergedPipeline, outputs: outputs) {
            let (rendered, found) = try renderer.render(value, input: name)
            inputs[name] = rendered
            secrets += found
        }
        return (inputs, secrets)
    }

    private func makeContext(
        _ step: PipelineStep, attempt: Int, inputs: [String: ConfigValue], redactor: Redactor
    )
        throws(StepFailure) -> StepContext
    {
        let folder = environment.folders.artifacts(runID: job.run.id, stepID: step.id)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StepFailure(
                .permanent, "cannot create the artifacts folder \(folder.path): \(error.localizedDescription)")
        }
        let observer = job.observer
        let stepID = step.id
        return StepContext(
            inputs: inputs, account: job.account, run: job.run, stepID: step.id, attempt: attempt,
            artifactsDirectory: folder, configDirectory: environment.folders.config, settings: environment.settings,
            dryRun: job.dryRun, now: environment.time.now, randomIndex: environment.randomness.randomIndex,
            stores: environment.stepStores, redact: { redactor.redact($0) },
            progress: { observer(.stepProgress(step: stepID, message: redactor.redact($0))) })
    }

    /// Runs `work`, cancelling it when `timeout` passes on the environment's clock (the work's child processes
    /// are torn down before this returns).
    private func withTimeout(
        _ timeout: Duration?, step: PipelineStep, _ work: @escaping @Sendable () async throws -> StepResult
    ) async throws -> StepResult {
        guard let timeout else { return try await work() }
        let clock = environment.time.clock
        return try await withThrowingTaskGroup(of: StepResult?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            guard let result = first else {
                throw StepFailure(.timeout, "step '\(step.id)' timed out after \(timeout.configText).")
            }
            return result
        }
    }

    private func redactedResult(_ result: StepResult, _ redactor: Redactor) -> StepResult {
        let text = ConfigValue.jsonText(result.outputs)
        let clean = redactor.redact(text)
        guard clean != text, let outputs = ConfigValue.decodeJSON(clean) else { return result }
        return StepResult(outputs: outputs, artifacts: result.artifacts)
    }
}
