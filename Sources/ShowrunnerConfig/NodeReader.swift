import ShowrunnerCore
import ShowrunnerYAML

/// Reads typed values out of a `YAMLNode` tree, recording where each key path was written and collecting every
/// problem instead of stopping at the first.
struct NodeReader {
    private(set) var sourceMap: SourceMap
    private(set) var diagnostics: [Diagnostic] = []
    /// False: where keys were written is not recorded (`ConfigReader.compactAccount` keeps no marks for a file
    /// without problems, and decodes a file with problems again with them).
    let recordsMarks: Bool

    init(file: String, recordsMarks: Bool = true) {
        sourceMap = SourceMap(file: file)
        self.recordsMarks = recordsMarks
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func location(_ node: YAMLNode) -> SourceLocation? {
        SourceLocation(line: Int(node.mark.line), column: Int(node.mark.column))
    }

    mutating func report(_ severity: Diagnostic.Severity, _ path: String, _ message: String, at node: YAMLNode? = nil) {
        let location = node.flatMap(Self.location) ?? sourceMap.location(of: path)
        diagnostics.append(
            Diagnostic(severity, file: sourceMap.file, location: location, keyPath: path.isEmpty ? nil : path, message))
    }

    mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func error(_ path: String, _ message: String, at node: YAMLNode? = nil) {
        report(.error, path, message, at: node)
    }

    /// Remembers where `path` was written; the first record wins (a parent records a collection at its key).
    mutating func record(_ path: String, _ node: YAMLNode) {
        guard recordsMarks else { return }
        if let location = Self.location(node) { sourceMap.recordFirst(path, location) }
    }

    /// `record(join(path, key), node)` without building the joined path.
    mutating func record(_ path: String, key: String, _ node: YAMLNode) {
        guard recordsMarks else { return }
        if let location = Self.location(node) { sourceMap.recordFirst(parent: path, key: key, location) }
    }

    /// A mapping's entries by key; reports a wrong type and every key not in `known` (with a suggestion).
    mutating func mapping(_ node: YAMLNode, at path: String, known: [String]) -> NodeEntries? {
        record(path, node)
        guard case .mapping(let mapping) = node else {
            error(
                path,
                "expected a mapping of \(known.prefix(4).joined(separator: ", "))…, found \(Self.describe(node)).",
                at: node)
            return nil
        }
        var entries = NodeEntries(capacity: mapping.count)
        for (keyNode, value) in mapping {
            guard let key = scalarKey(keyNode, at: path) else { continue }
            guard known.contains(key) else {
                let hint =
                    Suggestion.closest(to: key, in: known).map { "did you mean '\($0)'?" }
                    ?? "known keys: \(known.joined(separator: ", "))."
                error(Self.join(path, key), "unknown key '\(key)'; \(hint)", at: keyNode)
                continue
            }
            entries.append(key, value)
            record(path, key: key, isCollection(value) ? keyNode : value)
        }
        return entries
    }

    /// A mapping whose keys are free names (`vars:`, `with:`, account `steps:`).
    mutating func freeMapping(_ node: YAMLNode, at path: String) -> [(key: String, node: YAMLNode)]? {
        record(path, node)
        guard case .mapping(let mapping) = node else {
            error(path, "expected a mapping, found \(Self.describe(node)).", at: node)
            return nil
        }
        var entries: [(key: String, node: YAMLNode)] = []
        for (keyNode, value) in mapping {
            guard let key = scalarKey(keyNode, at: path) else { continue }
            record(path, key: key, isCollection(value) ? keyNode : value)
            entries.append((key, value))
        }
        return entries
    }

    /// A key must be text: `{{ vars.x }}` unquoted is a mapping used as a key, which is never what was meant.
    private mutating func scalarKey(_ node: YAMLNode, at path: String) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        error(
            path,
            "a key must be text, found \(Self.describe(node)); a value that starts with '{' or '[' (such as "
                + "{{ vars.name }}) must be put in quotes: \"{{ vars.name }}\".", at: node)
        return nil
    }

    mutating func require(_ entries: NodeEntries, _ key: String, at path: String, _ hint: String) -> YAMLNode? {
        if let node = entries[key] { return node }
        error(path.isEmpty ? key : Self.join(path, key), "missing required key '\(key)'; \(hint)")
        return nil
    }

    /// Problems with a whole mapping or list are reported at its key, not at its first entry.
    private func isCollection(_ node: YAMLNode) -> Bool {
        switch node {
        case .mapping, .sequence: true
        case .scalar: false
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "nothing (null)" }
            return quoted(scalar.string)
        }
    }

    /// A value in quotes for a message; a long one (a pasted blob) is cut.
    static func quoted(_ text: String) -> String {
        text.count > 80 ? "'\(text.prefix(77))…' (\(text.utf8.count) bytes)" : "'\(text)'"
    }
}
