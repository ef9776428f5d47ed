/// Checks the `{{ }}` references of one step's inputs against the graph: roots, ancestors, declared outputs.
struct TemplateChecker {
    static let fixedRoots: [String: [String]] = [
        "account": ["id", "name"],
        "channel": ["type", "language"],
        "voice": ["provider", "voice", "speed", "pitch", "model"],
        "run": ["id", "scheduled_at", "date", "trigger"],
    ]
    static let roots = Array(fixedRoots.keys) + ["vars", "steps"]

    let steps: [String: PipelineStep]
    let graph: StepGraph

    /// The problem with `reference` used by step `stepID`, or nil when it is fine.
    func problem(with reference: TemplateReference, in stepID: String) -> String? {
        let segments = reference.segments
        switch reference.root {
        case "vars":
            return segments.count < 2 ? "'{{ vars }}' needs a name: {{ vars.NAME }}." : nil
        case "steps":
            return stepProblem(segments, in: stepID)
        default:
            guard let fields = Self.fixedRoots[reference.root] else {
                let hint = Suggestion.closest(to: reference.root, in: Self.roots).map { "; did you mean '\($0)'" } ?? ""
                return "'{{ \(reference) }}' starts with unknown '\(reference.root)'\(hint) "
                    + "(known: \(Self.roots.sorted().joined(separator: ", ")))."
            }
            guard segments.count == 2, fields.contains(segments[1]) else {
                return "'{{ \(reference) }}' is not known; \(reference.root) has "
                    + fields.map { "\(reference.root).\($0)" }.joined(separator: ", ") + "."
            }
            return nil
        }
    }

    private func stepProblem(_ segments: [String], in stepID: String) -> String? {
        let reference = segments.joined(separator: ".")
        guard segments.count >= 3 else {
            return "'{{ \(reference) }}' must name a step and an output: {{ steps.ID.OUTPUT }}."
        }
        let target = segments[1]
        guard let step = steps[target] else {
            let hint = Suggestion.closest(to: target, in: graph.ids).map { "; did you mean '\($0)'?" } ?? "."
            return "'{{ \(reference) }}' names no step of this pipeline\(hint)"
        }
        guard target != stepID, graph.ancestors(of: stepID).contains(target) else {
            return "'{{ \(reference) }}' uses step '\(target)', which step '\(stepID)' does not depend on; "
                + "add '\(target)' to its needs."
        }
        guard let kind = StepKind.builtIn[step.uses] else { return nil }
        let output = segments[2]
        guard kind.declares(output: output) else {
            let hint = Suggestion.closest(to: output, in: kind.outputs).map { "did you mean '\($0)'? " } ?? ""
            return "'{{ \(reference) }}': a \(kind.name) step has no output '\(output)'; \(hint)"
                + "It has \(kind.outputs.joined(separator: ", "))."
        }
        if segments.count > 3, !kind.acceptsAnyOutput, output != "json" {
            return "'{{ \(reference) }}': output '\(output)' of a \(kind.name) step has no fields."
        }
        return nil
    }
}
