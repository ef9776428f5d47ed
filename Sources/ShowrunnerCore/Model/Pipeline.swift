/// A reusable step graph (`pipelines/<name>.yaml`, or inline in an account).
public struct Pipeline: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var steps: [PipelineStep]

    public init(name: String, description: String? = nil, steps: [PipelineStep]) {
        self.name = name
        self.description = description
        self.steps = steps
    }

    public func step(_ id: String) -> PipelineStep? { steps.first { $0.id == id } }

    /// This pipeline with an account's per-step overrides applied; overrides naming no step are ignored here
    /// (validation reports them).
    public func applying(_ overrides: [String: StepOverrides]) -> Pipeline {
        guard !overrides.isEmpty else { return self }  // shares the pipeline's steps, not a copy per account
        var merged = self
        merged.steps = steps.map { step in overrides[step.id].map(step.applying) ?? step }
        return merged
    }
}
