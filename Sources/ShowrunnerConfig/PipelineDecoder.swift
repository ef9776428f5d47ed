import ShowrunnerCore
import ShowrunnerYAML

/// Decodes a pipeline mapping (a `pipelines/` file, or `pipeline:` inline in an account).
struct PipelineDecoder {
    static let keys = ["name", "description", "defaults", "steps"]
    static let stepKeys = ["id", "uses", "needs", "with", "retry", "timeout", "optional", "side_effects"]

    /// `prefix` is the key path of the pipeline inside its file (`""` or `"pipeline"`).
    static func decode(_ node: YAMLNode, defaultName: String, at prefix: String, reader: inout NodeReader) -> Pipeline?
    {
        guard let entries = reader.mapping(node, at: prefix, known: keys) else { return nil }
        let at = { (key: String) in NodeReader.join(prefix, key) }
        let name = reader.string(entries["name"], at: at("name")) ?? defaultName
        let description = reader.string(entries["description"], at: at("description"))
        let defaults = reader.stepDefaults(entries["defaults"], at: at("defaults"))
        guard let stepsNode = reader.require(entries, "steps", at: prefix, "a pipeline lists its steps under 'steps:'.")
        else { return nil }
        guard case .sequence(let sequence) = stepsNode, !sequence.isEmpty else {
            reader.error(
                at("steps"), "expected a non-empty list of steps, found \(NodeReader.describe(stepsNode)).",
                at: stepsNode)
            return nil
        }
        var steps: [PipelineStep] = []
        for (index, stepNode) in sequence.enumerated() {
            let previous = index == 0 ? nil : steps.last?.id
            if let step = decodeStep(
                stepNode, at: "\(at("steps"))[\(index)]", previous: previous, defaults: defaults, reader: &reader)
            {
                steps.append(step)
            }
        }
        return steps.count == sequence.count ? Pipeline(name: name, description: description, steps: steps) : nil
    }

    private static func decodeStep(
        _ node: YAMLNode, at path: String, previous: String?, defaults: (retry: RetryPolicy, timeout: Duration?),
        reader: inout NodeReader
    ) -> PipelineStep? {
        guard let entries = reader.mapping(node, at: path, known: stepKeys) else { return nil }
        let at = { (key: String) in NodeReader.join(path, key) }
        let id = reader.require(entries, "id", at: path, "give the step an id such as 'voice'.")
            .flatMap { reader.string($0, at: at("id")) }
        let uses = reader.require(entries, "uses", at: path, "name a step kind such as 'tts'.")
            .flatMap { reader.string($0, at: at("uses")) }
        if let id, !isValidStepID(id) {
            reader.error(
                at("id"), "step id '\(id)' is invalid; use lowercase letters, digits and '_', starting with a letter.")
        }
        let needs =
            entries["needs"] == nil
            ? [previous].compactMap { $0 } : reader.stringList(entries["needs"], at: at("needs"))
        let with = reader.valueMap(entries["with"], at: at("with")) ?? [:]
        let retry = reader.retry(entries["retry"], at: at("retry")).map(defaults.retry.merging) ?? defaults.retry
        let timeout = reader.duration(entries["timeout"], at: at("timeout")) ?? defaults.timeout
        let optional = reader.bool(entries["optional"], at: at("optional")) ?? false
        let sideEffects = reader.bool(entries["side_effects"], at: at("side_effects"))
        guard let id, let uses, let needs else { return nil }
        return PipelineStep(
            id: id, uses: uses, needs: needs, with: with, retry: retry, timeout: timeout, optional: optional,
            sideEffects: sideEffects ?? (StepKind.builtIn[uses]?.hasSideEffects ?? false))
    }

    static func isValidStepID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
