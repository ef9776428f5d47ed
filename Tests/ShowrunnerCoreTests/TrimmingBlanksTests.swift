import Testing

@testable import ShowrunnerCore

/// Spaces and tabs at either end go, by whole characters; text with nothing to trim is returned as it is.
struct TrimmingBlanksTests {
    @Test(arguments: [
        ("0 9 * * *", "0 9 * * *"), ("  0 9 * * *\t", "0 9 * * *"), (" a", "a"), ("a ", "a"), ("a", "a"),
        ("", ""), ("   ", ""), ("\t \t", ""), ("a\u{301}", "a\u{301}"), (" \u{301}a", " \u{301}a"),
        // A prepended sign (U+0600) and the space after it are one character, not a blank: kept.
        ("x\u{600} ", "x\u{600} "),
        // Only the ASCII space and tab are blanks.
        ("\u{A0}a\u{3000}", "\u{A0}a\u{3000}"), ("a\r\n", "a\r\n"),
    ])
    func trims(_ text: String, _ expected: String) {
        #expect(text.trimmingBlanks() == expected)
    }
}
