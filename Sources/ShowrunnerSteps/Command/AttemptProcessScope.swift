import ShowrunnerCore

/// Wraps a step kind that starts processes: before an attempt runs, what is left of an earlier attempt of the same
/// step whose process died (the sessions in its `ProcessLedger`) is killed; during the attempt, every child it
/// starts is recorded in that ledger, so the next attempt can do the same if this process dies.
struct AttemptProcessScope: Step {
    let step: any Step

    func run(_ context: StepContext) async throws -> StepResult {
        let ledger = ProcessLedger(artifactsDirectory: context.artifactsDirectory)
        let killed = await ledger.reapLeftovers()
        if killed > 0 { context.progress("ended \(killed) leftover process group(s) of an interrupted attempt") }
        return try await ProcessLedger.$current.withValue(ledger) { try await step.run(context) }
    }

    func dryRun(_ context: StepContext) async throws -> StepResult { try await step.dryRun(context) }
}
