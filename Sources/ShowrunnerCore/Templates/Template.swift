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
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var literalStart = 0
        var index = 0
        func literal(_ range: Range<Int>) -> Part { .literal(String(decoding: bytes[range], as: UTF8.self)) }
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            guard let close = Self.closing(bytes, from: index + 2) else {
                throw SyntaxError(description: "'{{' is not closed; write {{ steps.topic.title }}.")
            }
            if literalStart < index { parts.append(literal(literalStart..<index)) }
            let body = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            guard let reference = TemplateReference(path: body.trimmingBlanks()) else {
                throw SyntaxError(
                    description: "'{{\(body)}}' is not a reference; write a dotted path such as {{ vars.topics_file }}."
                )
            }
            parts.append(.reference(reference))
            index = close + 2
            literalStart = index
        }
        if literalStart < bytes.count { parts.append(literal(literalStart..<bytes.count)) }
        self.parts = parts
    }

    /// Text without `{{`: what `init(parsing:)` makes of it, without reading it byte by byte.
    init(literal text: String) { parts = text.isEmpty ? [] : [.literal(text)] }

    /// The index of the `}}` that closes a reference starting at `start`.
    private static func closing(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }
}

/// A dotted path inside `{{ }}`: `steps.topic.title`, `vars.topics_file`, `run.date`.
public struct TemplateReference: Sendable, Hashable, CustomStringConvertible {
    public let segments: [String]

    init?(path: String) {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = segments.allSatisfy { segment in
            !segment.isEmpty && segment.utf8.allSatisfy(Self.isPathByte)
        }
        guard valid else { return nil }
        self.segments = segments
    }

    /// ASCII letters, digits, `_` and `-`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }

    public var root: String { segments[0] }
    public var description: String { segments.joined(separator: ".") }
}
