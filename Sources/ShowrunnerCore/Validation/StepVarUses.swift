/// The `{{ vars.NAME }}` names each step of a pipeline uses, in the order they are written. They are the same for
/// every account on a pipeline except in the steps the account overrides, so a validation works them out once per
/// pipeline file rather than once per account (10,000 accounts on four pipelines).
public struct StepVarUses: Sendable {
    /// Pipeline name → step id → names; only pipelines whose name and step ids are unique.
    private var known: [String: [String: [String]]] = [:]

    init(pipelines: [Pipeline]) {
        for (name, group) in Dictionary(grouping: pipelines, by: \.name) where group.count == 1 {
            let steps = group[0].steps
            guard Set(steps.map(\.id)).count == steps.count else { continue }
            known[name] = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, Self.names(in: $0)) })
        }
    }

    /// The names `step` uses: worked out once per pipeline for a step as the pipeline file writes it (`asWritten`),
    /// else from the step itself (an account's override merged in, an inline pipeline).
    func names(in step: PipelineStep, ofPipeline pipeline: String, asWritten: Bool) -> [String] {
        if asWritten, let names = known[pipeline]?[step.id] { return names }
        return Self.names(in: step)
    }

    /// The names `step`'s `with:` uses, worked out from its text.
    public static func names(in step: PipelineStep) -> [String] {
        var names: [String] = []
        for (_, text) in ConfigValue.map(step.with).strings(at: "") {
            guard let template = try? Template.cached(parsing: text) else { continue }
            for reference in template.references where reference.root == "vars" && reference.segments.count > 1 {
                names.append(reference.segments[1])
            }
        }
        return names
    }
}
