import Foundation
import ShowrunnerCore

/// The bytes of a config file as text (read by `BoundedFile`, never more than `maxBytes` plus one, to tell that a
/// file is too large), checked to be UTF-8, with the line and column of the first invalid byte.
enum ConfigText {
    /// 1 MiB, as Kubernetes limits a ConfigMap: far above any real config file, far below what hurts the daemon.
    static let maxBytes = 1 << 20

    /// The text, or a diagnostic: too large, or not UTF-8 (at the first invalid byte).
    enum Decoded {
        case text(String)
        case problem(Diagnostic)
    }

    static func decode(_ data: Data, file: String) -> Decoded {
        if let problem = sizeProblem(byteCount: data.count, file: file) { return .problem(problem) }
        if let text = String(validating: data, as: UTF8.self) { return .text(text) }
        let location = firstInvalidByte(in: data)
        return .problem(
            Diagnostic(
                .error, file: file, location: location,
                "the file is not valid UTF-8 text (byte \(location.byteDescription) cannot start or continue a "
                    + "character here); save it as UTF-8."))
    }

    static func sizeProblem(byteCount: Int, file: String) -> Diagnostic? {
        guard byteCount > maxBytes else { return nil }
        return Diagnostic(
            .error, file: file, location: SourceLocation(line: 1, column: 1),
            "the file is larger than \(maxBytes / 1024 / 1024) MiB, too large for a config file; it was not read. "
                + "Keep long lists (topics) in their own files.")
    }

    /// Where the first byte that breaks UTF-8 is, as a 1-based line and a column counted in characters.
    static func firstInvalidByte(in data: Data) -> InvalidByte {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { return InvalidByte(line: line, column: column, byte: bytes[index]) }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return InvalidByte(line: line, column: column, byte: nil)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8)
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(length, 2) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// A located invalid byte.
    struct InvalidByte {
        let line: Int
        let column: Int
        let byte: UInt8?

        var byteDescription: String { byte.map { String(format: "0x%02X", $0) } ?? "at the end" }
    }
}

extension Diagnostic {
    init(_ severity: Severity, file: String, location invalid: ConfigText.InvalidByte, _ message: String) {
        self.init(severity, file: file, location: SourceLocation(line: invalid.line, column: invalid.column), message)
    }
}
