import Testing

@testable import ShowrunnerCore

/// The first byte that breaks UTF-8, placed by line and by column in code points (a multi-byte one counts once).
struct InvalidUTF8Tests {
    @Test(
        arguments: [
            ([0x61, 0xFF], 1, 2, 0xFF),
            ([0x61, 0x62, 0x0A, 0x63, 0xC3], 2, 2, 0xC3),  // a character cut off by the end
            ([0xC3, 0xA9, 0x80], 1, 2, 0x80),  // é, then a continuation byte with nothing to continue
            ([0xF0, 0x9F, 0x98, 0x80, 0xFF], 1, 2, 0xFF),  // an emoji is one column
            ([0xC0, 0x80], 1, 1, 0xC0),  // an overlong NUL
            ([0xED, 0xA0, 0x80], 1, 1, 0xED),  // a UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 1, 1, 0xF4),  // above U+10FFFF
            ([0x0A, 0x0A, 0x20, 0xE9, 0x74], 3, 2, 0xE9),  // Latin-1 é
            ([0xEF, 0xBB, 0xBF, 0x61, 0xFF], 1, 2, 0xFF),  // a byte-order mark is not a column
        ] as [([UInt8], Int, Int, UInt8)])
    func placesTheFirstBadByte(_ bytes: [UInt8], _ line: Int, _ column: Int, _ byte: UInt8) {
        #expect(InvalidUTF8.first(in: bytes) == InvalidUTF8(line: line, column: column, byte: byte))
    }

    @Test func wholeUTF8HasNoBadByte() {
        let found = InvalidUTF8.first(in: Array("a\nbé".utf8))
        #expect(found == InvalidUTF8(line: 2, column: 3, byte: nil))
        #expect(found.byteDescription == "at the end")
    }
}
