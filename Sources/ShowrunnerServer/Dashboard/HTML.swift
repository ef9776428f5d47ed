/// A piece of HTML. Interpolating a `String` (or anything else) escapes it; only `HTML` values are inserted as
/// markup. So every value from config or history is escaped unless a renderer deliberately builds markup.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    /// Markup taken as is: only for fixed strings and for output this module built.
    init(trusted text: String) { self.text = text }

    var description: String { text }

    static let empty = HTML(trusted: "")

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ html: HTML) { text += html.text }
        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { text += part.text } }
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        mutating func appendInterpolation(_ value: Int) { text += String(value) }
        mutating func appendInterpolation(_ value: Double) { text += HTML.escape(String(value)) }
    }

    /// Escapes `& < > " '`, enough for text and for quoted attribute values. Most values have none of them and are
    /// returned as they are.
    static func escape(_ value: String) -> String {
        let special = value.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard special else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// `items` joined.
    static func join(_ items: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: items.map(\.text).joined(separator: separator.text))
    }
}

extension HTML {
    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.text + rhs.text) }
}
