/// A reusable step graph (`pipelines/<name>.yaml`, or inline in an account).
public struct Pipeline: Sendable, Hashable {
    /// The stored fields, behind one copy-on-write reference: 10,000 accounts on four pipelines share four, where
    /// the registry's and the scheduler's tables held 40 bytes in place per account (and per spare bucket).
    struct Fields: Sendable, Hashable {
        var name: String
        var description: String?
        var steps: [PipelineStep]
    }

    private var storage: CopyOnWrite<Fields>

    private var fields: Fields {
        get { storage.value }
        _modify { yield &storage.value }
    }

    public var name: String {
        get { fields.name }
        set { fields.name = newValue }
    }
    public var description: String? {
        get { fields.description }
        set { fields.description = newValue }
    }
    public var steps: [PipelineStep] {
        get { fields.steps }
        set { fields.steps = newValue }
    }

    public init(name: String, description: String? = nil, steps: [PipelineStep]) {
        storage = CopyOnWrite(Fields(name: name, description: description, steps: steps))
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
