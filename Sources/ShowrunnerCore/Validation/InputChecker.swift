/// Checks a step's `with:` against its kind: known input names, required inputs, and template references.
struct InputChecker {
    let kind: StepKind
    let step: PipelineStep
    let graph: StepGraph
    let steps: [PipelineStep]

    /// `requireAll`: also report required inputs that are neither given nor wired from an ancestor.
    func check(
        _ with: [String: ConfigValue], at keyPath: String, in map: SourceMap, requireAll: Bool
    )
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        for key in with.keys.sorted() where kind.input(key) == nil {
            let names = kind.inputs.map(\.name)
            let hint = Suggestion.closest(to: key, in: names).map { "did you mean '\($0)'? " } ?? ""
            found.append(
                map.diagnostic(
                    .error, at: "\(keyPath).\(key)",
                    "a \(kind.name) step has no input '\(key)'; \(hint)Inputs: \(names.joined(separator: ", "))."))
        }
        found += templateProblems(with, at: keyPath, in: map)
        if requireAll { found += missingInputs(at: keyPath, in: map) }
        return found
    }

    private func templateProblems(
        _ with: [String: ConfigValue], at keyPath: String, in map: SourceMap
    )
        -> [Diagnostic]
    {
        let checker = TemplateChecker(
            steps: Dictionary(steps.map { ($0.id, $0) }) { first, _ in first }, graph: graph)
        return with.sorted { $0.key < $1.key }.flatMap { key, value in
            value.strings(at: "\(keyPath).\(key)").flatMap { path, text -> [Diagnostic] in
                do throws(Template.SyntaxError) {
                    let template = try Template(parsing: text)
                    return template.references.compactMap { reference in
                        checker.problem(with: reference, in: step.id).map { map.diagnostic(.error, at: path, $0) }
                    }
                } catch {
                    return [map.diagnostic(.error, at: path, error.description)]
                }
            }
        }
    }

    private func missingInputs(at keyPath: String, in map: SourceMap) -> [Diagnostic] {
        let stepPath = String(keyPath.dropLast(".with".count))
        var found: [Diagnostic] = []
        for input in kind.inputs where input.required && step.with[input.name] == nil {
            if let output = input.wiredFrom, wiredSource(for: output) != nil { continue }
            let wiring = input.wiredFrom.map { " or have a step it needs produce '\($0)'" } ?? ""
            found.append(
                map.diagnostic(
                    .error, at: stepPath,
                    "step '\(step.id)' (\(kind.name)) needs input '\(input.name)'; set with.\(input.name)\(wiring)."))
        }
        if !kind.requiresOneOf.isEmpty, !kind.requiresOneOf.contains(where: { step.with[$0] != nil }) {
            let names = kind.requiresOneOf.map { "with.\($0)" }.joined(separator: " or ")
            found.append(map.diagnostic(.error, at: stepPath, "step '\(step.id)' (\(kind.name)) needs \(names)."))
        }
        return found
    }

    /// The nearest ancestor whose kind declares `output`.
    func wiredSource(for output: String) -> String? {
        graph.ancestors(of: step.id).first { id in
            steps.first { $0.id == id }.flatMap { StepKind.builtIn[$0.uses] }?.outputs.contains(output) == true
        }
    }
}
