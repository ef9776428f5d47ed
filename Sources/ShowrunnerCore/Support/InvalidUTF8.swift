import Foundation

/// Where bytes stop being UTF-8 (RFC 3629): the 1-based line and the column, counted in code points as libyaml
/// counts them, of the first byte that cannot start or continue a character. Config files and topics files name the
/// place the same way.
public struct InvalidUTF8: Sendable, Equatable {
    public let line: Int
    public let column: Int
    /// The offending byte; nil when every sequence is whole (the bytes are UTF-8).
    public let byte: UInt8?

    /// `0xFF`, or "at the end".
    public var byteDescription: String { byte.map { String(format: "0x%02X", $0) } ?? "at the end" }

    /// What is wrong and what to do, for a message that names the file and this place first.
    public var problem: String {
        "the file is not valid UTF-8 text (byte \(byteDescription) cannot start or continue a character here); save "
            + "it as UTF-8."
    }

    /// The first byte of `bytes` that breaks UTF-8 (a sequence cut off by the end is broken at its first byte). A
    /// leading byte-order mark is not a column.
    public static func first(in bytes: some Collection<UInt8>) -> InvalidUTF8 {
        let bytes = [UInt8](bytes)
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { return InvalidUTF8(line: line, column: column, byte: bytes[index]) }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return InvalidUTF8(line: line, column: column, byte: nil)
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0.
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
}
