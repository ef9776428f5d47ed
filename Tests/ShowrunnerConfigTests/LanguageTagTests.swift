import Testing

@testable import ShowrunnerConfig

/// `channel.language` is read as bytes: the shape of a BCP-47 tag, and nothing outside ASCII.
struct LanguageTagTests {
    @Test(arguments: [
        ("en", true), ("pt-BR", true), ("zh-Hant-TW", true), ("gsw", true), ("es-419", true),
        ("e", false), ("engl", false), ("1", false), ("xx-", false), ("-en", false), ("en--US", false),
        ("en-abcdefghi", false), ("en_US", false), ("", false), ("é", false), ("en-é", false),
        // A combining mark after a letter or after the '-' is outside ASCII too.
        ("e\u{301}n", false), ("en-\u{301}US", false), ("ｅｎ", false),
        // The bytes just outside the letters and digits, and the longest subtag.
        ("e@", false), ("e[", false), ("e`", false), ("e{", false), ("en-a/", false), ("en-a:", false),
        ("en-abcdefgh", true), ("AZ-az09", true),
    ])
    func aTagHasBCP47sShape(_ text: String, _ valid: Bool) {
        #expect(AccountDecoder.isLanguageTag(text) == valid)
    }
}
