/// Checks one pipeline's graph: step ids, kinds, needs, cycles, inputs and template references.
struct PipelineChecker {
    let pipeline: Pipeline
    let sourceMap: SourceMap
    /// Key path of the pipeline inside its file: `""` for a pipeline file, `"pipeline."` inline in an account.
    let prefix: String
    let secrets: SecretChecker

    private var graph: StepGraph { StepGraph(steps: pipeline.steps) }

    func check() -> [Diagnostic] {
        var found = duplicateIDs() + pipeline.steps.indices.flatMap(checkStep)
        if let cycle = graph.cycle() {
            let index = pipeline.steps.firstIndex { $0.id == cycle[0] } ?? 0
            found.append(
                error(
                    at: "steps[\(index)].needs",
                    "steps form a cycle: \(cycle.joined(separator: " → ")); remove one of these needs."))
        }
        return found
    }

    private func keyPath(_ index: Int, _ rest: String = "") -> String { "\(prefix)steps[\(index)]\(rest)" }

    private func error(at relative: String, _ message: String) -> Diagnostic {
        sourceMap.diagnostic(.error, at: prefix + relative, message)
    }

    private func duplicateIDs() -> [Diagnostic] {
        var firstIndex: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (index, step) in pipeline.steps.enumerated() {
            if let first = firstIndex[step.id] {
                found.append(
                    error(at: "steps[\(index)].id", "step id '\(step.id)' is already used by steps[\(first)]."))
            } else {
                firstIndex[step.id] = index
            }
        }
        return found
    }

    private func checkStep(_ index: Int) -> [Diagnostic] {
        let step = pipeline.steps[index]
        var found = checkNeeds(step, index)
        guard let kind = StepKind.builtIn[step.uses] else {
            let known = StepKind.builtIn.keys.sorted()
            let hint = Suggestion.closest(to: step.uses, in: known).map { "did you mean '\($0)'? " } ?? ""
            return found + [
                error(
                    at: "steps[\(index)].uses",
                    "unknown step kind '\(step.uses)'; \(hint)Known kinds: \(known.joined(separator: ", ")).")
            ]
        }
        found += InputChecker(kind: kind, step: step, graph: graph, steps: pipeline.steps)
            .check(step.with, at: keyPath(index, ".with"), in: sourceMap, requireAll: true)
        found += secrets.check(step.with, at: keyPath(index, ".with"), in: sourceMap)
        return found + resourceProblems(step, index)
    }

    /// Files and colours written literally in the pipeline (a template is checked per account).
    private func resourceProblems(_ step: PipelineStep, _ index: Int) -> [Diagnostic] {
        let stock = (step.uses == "video" ? StockBackgroundRule.problems(step.with) : []).map { input, message in
            error(at: "steps[\(index)].with.\(input)", "step '\(step.id)': \(message)")
        }
        return stock
            + (ResourceInput.inputs[step.uses] ?? []).compactMap { input in
                guard let text = ResourceInput.literal(ResourceInput.value(step.with, input.name)),
                    let problem = ResourceInput.problem(
                        text, kind: input.kind, input: input.name, fileExists: secrets.fileExists)
                else { return nil }
                return error(at: "steps[\(index)].with.\(input.name)", "step '\(step.id)': \(problem)")
            }
    }

    private func checkNeeds(_ step: PipelineStep, _ index: Int) -> [Diagnostic] {
        step.needs.enumerated().compactMap { position, need in
            let at = "steps[\(index)].needs[\(position)]"
            if need == step.id { return error(at: at, "step '\(step.id)' cannot need itself.") }
            guard pipeline.step(need) == nil else { return nil }
            let hint = Suggestion.closest(to: need, in: graph.ids).map { "; did you mean '\($0)'?" } ?? "."
            return error(at: at, "unknown step '\(need)'\(hint)")
        }
    }
}
