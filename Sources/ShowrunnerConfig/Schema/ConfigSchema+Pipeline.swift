import ShowrunnerCore

/// The pipeline and its steps, shared by `pipelines/*.yaml` and an account's inline `pipeline:`.
extension ConfigSchema {
    static var retry: SchemaNode {
        let kinds = FailureKind.retryable.map(\.rawValue).sorted() + ["any"]
        return .object(
            description: "Retry policy: only the fields given override the defaults (3 attempts, exponential).",
            keys: NodeReader.retryKeys,
            fields: [
                "attempts": .integer(description: "Attempts in all, the first included.", range: 1...100),
                "backoff": .choice(
                    description: "How the delay grows.", values: RetryPolicy.Backoff.allCases.map(\.rawValue)),
                "delay": .duration(description: "Delay before the first retry."),
                "factor": .number(description: "Growth factor of an exponential backoff.", range: 1...100),
                "max_delay": .duration(description: "Upper bound of one delay."),
                "jitter": .boolean(description: "Randomise each delay (full jitter)."),
                "on": .list(
                    description: "Failure kinds that are retried (auth and permanent never are).",
                    items: .choice(description: "A retryable failure kind.", values: kinds)),
            ])
    }

    static var step: SchemaNode {
        .object(
            description: "One step of the pipeline.", keys: PipelineDecoder.stepKeys,
            fields: [
                "id": .text(
                    description: "The step's id (lowercase letters, digits, '_'); outputs are {{ steps.ID.… }}.",
                    pattern: "^[a-z][a-z0-9_]*$"),
                "uses": .text(
                    description: "The step kind: \(StepKind.builtIn.keys.sorted().joined(separator: ", ")).",
                    pattern: nil),
                "needs": .list(
                    description: "Steps that must finish first (default: the previous step).",
                    items: .text(description: "A step id.")),
                "with": .map(
                    description: "The step kind's inputs; strings may use {{ templates }}.",
                    values: .any(description: "An input value.")),
                "retry": retry,
                "timeout": .duration(description: "Longest time one attempt may take."),
                "optional": .boolean(description: "A failure of this step does not fail the run."),
                "side_effects": .boolean(
                    description: "The step changes the world (dry runs describe it instead of running it)."),
            ], required: ["id", "uses"])
    }

    static var pipeline: SchemaNode {
        .object(
            description: "A pipeline: its steps, run in dependency order.", keys: PipelineDecoder.keys,
            fields: [
                "name": .text(description: "The pipeline's name (default: the file name)."),
                "description": .text(description: "What the pipeline makes."),
                "defaults": .object(
                    description: "Retry and timeout for every step that does not set its own.",
                    keys: NodeReader.defaultsKeys,
                    fields: [
                        "retry": retry, "timeout": .duration(description: "Longest time one attempt may take."),
                    ]),
                "steps": .list(description: "The steps, at least one.", items: step, minItems: 1),
            ], required: ["steps"])
    }
}
