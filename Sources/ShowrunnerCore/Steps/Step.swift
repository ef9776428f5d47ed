/// A step kind (`uses:`): one attempt of work with rendered inputs. Implemented in `ShowrunnerSteps`.
public protocol Step: Sendable {
    /// Runs one attempt. Throw `StepFailure` to say how it failed (its kind decides retries); any other error
    /// counts as a permanent failure. Cancellation (timeout, shutdown) must stop child processes.
    func run(_ context: StepContext) async throws -> StepResult

    /// `--dry-run` of a step with side effects: check the inputs and say what would happen, without doing it.
    func dryRun(_ context: StepContext) async throws -> StepResult
}

extension Step {
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        StepResult(outputs: ["description": .string("would run \(context.stepID)")])
    }
}
