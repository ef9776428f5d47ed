/// One step of a pipeline, with the pipeline's defaults already applied.
public struct PipelineStep: Sendable, Hashable {
    public var id: String
    /// The step kind (`topic.list`, `tts`, …).
    public var uses: String
    /// The steps this one waits for (omitted in YAML = the previous step).
    public var needs: [String]
    /// Inputs; string values are templates.
    public var with: [String: ConfigValue]
    public var retry: RetryPolicy
    /// Per attempt; nil = no limit.
    public var timeout: Duration?
    /// A failure does not fail the run.
    public var optional: Bool
    /// A `command` or `http` step that changes the world; `--dry-run` describes it instead of running it.
    public var sideEffects: Bool

    public init(
        id: String, uses: String, needs: [String], with: [String: ConfigValue] = [:], retry: RetryPolicy = .default,
        timeout: Duration? = nil, optional: Bool = false, sideEffects: Bool = false
    ) {
        self.id = id
        self.uses = uses
        self.needs = needs
        self.with = with
        self.retry = retry
        self.timeout = timeout
        self.optional = optional
        self.sideEffects = sideEffects
    }

    /// This step with an account's overrides applied (`with` merged key by key, the rest replaced).
    public func applying(_ overrides: StepOverrides) -> PipelineStep {
        var step = self
        step.with.merge(overrides.with) { _, new in new }
        if let retry = overrides.retry { step.retry = step.retry.merging(retry) }
        if let timeout = overrides.timeout { step.timeout = timeout }
        if let optional = overrides.optional { step.optional = optional }
        return step
    }
}
