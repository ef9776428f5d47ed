/// Inputs not given in `with:` are taken from the nearest ancestor that produced the matching output.
public enum StepWiring {
    /// `step.with` plus the wired inputs available in `outputs`.
    public static func inputs(
        for step: PipelineStep, in mergedPipeline: Pipeline, outputs: [String: [String: ConfigValue]]
    )
        -> [String: ConfigValue]
    {
        var inputs = step.with
        guard let kind = StepKind.builtIn[step.uses] else { return inputs }
        let ancestors = StepGraph(steps: mergedPipeline.steps).ancestors(of: step.id)
        for input in kind.inputs where inputs[input.name] == nil {
            guard let output = input.wiredFrom else { continue }
            if let value = ancestors.lazy.compactMap({ outputs[$0]?[output] }).first {
                inputs[input.name] = value
            }
        }
        return inputs
    }
}
