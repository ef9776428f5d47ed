/// Renders `with:` values at run time: `{{ path }}` from the run's context, `${…}` secrets in the literal text
/// only (a value inserted by a template is never scanned for secrets, so step outputs cannot pull secrets in).
public struct TemplateRenderer: Sendable {
    /// Roots `account`, `channel`, `voice`, `vars`, `run`, `steps`.
    public let context: [String: ConfigValue]
    public let resolveSecret: SecretReference.Resolver

    public init(
        context: [String: ConfigValue],
        resolveSecret: @escaping SecretReference.Resolver
    ) {
        self.context = context
        self.resolveSecret = resolveSecret
    }

    /// The rendered value and the secret values it now contains (for redaction).
    public func render(_ value: ConfigValue, input: String) throws(StepFailure) -> (ConfigValue, secrets: [String]) {
        switch value {
        case .string(let text):
            return try render(text, input: input)
        case .list(let items):
            var rendered: [ConfigValue] = []
            var secrets: [String] = []
            for item in items {
                let (value, found) = try render(item, input: input)
                rendered.append(value)
                secrets += found
            }
            return (.list(rendered), secrets)
        case .map(let entries):
            var rendered: [String: ConfigValue] = [:]
            var secrets: [String] = []
            for (key, item) in entries {
                let (value, found) = try render(item, input: "\(input).\(key)")
                rendered[key] = value
                secrets += found
            }
            return (.map(rendered), secrets)
        case .int, .double, .bool, .null:
            return (value, [])
        }
    }

    private func render(_ text: String, input: String) throws(StepFailure) -> (ConfigValue, secrets: [String]) {
        // Text without `{` or `$` (an account's prose) renders as itself: no parse, no copy.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") }) {
            return (.string(text), [])
        }
        let template: Template
        do { template = try Template.cached(parsing: text) } catch {
            throw StepFailure(.permanent, "input '\(input)': \(error)")
        }
        if template.parts.count == 1, case .reference(let reference) = template.parts[0] {
            return (try lookup(reference, input: input), [])
        }
        var result = ""
        var secrets: [String] = []
        for part in template.parts {
            switch part {
            case .literal(let literal):
                let (resolved, found) = try resolveSecrets(in: literal, input: input)
                result += resolved
                secrets += found
            case .reference(let reference):
                result += try lookup(reference, input: input).renderedText
            }
        }
        return (.string(result), secrets)
    }

    public func lookup(_ reference: TemplateReference, input: String) throws(StepFailure) -> ConfigValue {
        var current: ConfigValue = .map(context)
        for segment in reference.segments {
            guard case .map(let entries) = current, let next = entries[segment], next != .null else {
                throw StepFailure(
                    .permanent, "input '\(input)': {{ \(reference) }} resolved to nothing\(hint(reference)).")
            }
            current = next
        }
        return current
    }

    private func hint(_ reference: TemplateReference) -> String {
        guard reference.root == "steps", reference.segments.count >= 2 else { return "" }
        guard case .map(let steps)? = context["steps"], case .map(let outputs)? = steps[reference.segments[1]] else {
            return "; step '\(reference.segments[1])' has no outputs (it did not succeed)"
        }
        return "; step '\(reference.segments[1])' has outputs \(outputs.keys.sorted().joined(separator: ", "))"
    }

    private func resolveSecrets(in literal: String, input: String) throws(StepFailure) -> (String, [String]) {
        let references: [SecretReference]
        do { references = try SecretScanner.references(in: literal) } catch {
            throw StepFailure(.permanent, "input '\(input)': \(error.description)")
        }
        var text = literal
        var secrets: [String] = []
        for reference in references {
            let value = try resolveSecret(reference)
            text = text.replacingOccurrences(of: reference.description, with: value)
            secrets.append(value)
        }
        return (text, secrets)
    }
}
