/// A config string with `{{ path }}` references, parsed into literal text and references.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case reference(TemplateReference)
    }

    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public let parts: [Part]

    public var references: [TemplateReference] {
        parts.compactMap { if case .reference(let reference) = $0 { reference } else { nil } }
    }

    public init(parsing text: String) throws(SyntaxError) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw SyntaxError(description: "'{{' is not closed; write {{ steps.topic.title }}.")
            }
            let body = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: [" ", "\t"])
            guard let reference = TemplateReference(path: body) else {
                throw SyntaxError(
                    description: "'{{\(rest[open.upperBound..<close.lowerBound])}}' is not a reference; "
                        + "write a dotted path such as {{ vars.topics_file }}.")
            }
            parts.append(.reference(reference))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }
}

/// A dotted path inside `{{ }}`: `steps.topic.title`, `vars.topics_file`, `run.date`.
public struct TemplateReference: Sendable, Hashable, CustomStringConvertible {
    public let segments: [String]

    init?(path: String) {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = segments.allSatisfy { segment in
            !segment.isEmpty
                && segment.unicodeScalars.allSatisfy {
                    $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                }
        }
        guard valid else { return nil }
        self.segments = segments
    }

    public var root: String { segments[0] }
    public var description: String { segments.joined(separator: ".") }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
