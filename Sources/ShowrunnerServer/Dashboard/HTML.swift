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

    /// Escapes `& < > " '`, enough for text and for quoted attribute values. Works on the UTF-8 bytes; most values
    /// have none of them and are returned as they are.
    static func escape(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.contains(where: special) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if let replacement = replacement(byte) { out += replacement } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? value
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    private static func special(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func replacement(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case 0x26: amp
        case 0x3C: lt
        case 0x3E: gt
        case 0x22: quot
        case 0x27: apos
        default: nil
        }
    }

    /// `items` joined.
    static func join(_ items: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: items.map(\.text).joined(separator: separator.text))
    }
}

extension HTML {
    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.text + rhs.text) }
}
