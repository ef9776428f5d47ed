import Testing

@testable import ShowrunnerConfig

/// A YAML syntax error points where the broken construct starts, so the editor jumps to the quote that was never
/// closed rather than to the end of the file.
struct YAMLSyntaxLocationTests {
    @Test(arguments: [
        (
            "channel: { type: c }\nname: \"unterminated\npipeline: p\nvars: { topics_file: t }\n\n\n",
            "accounts.d/a.yaml:2:7: error: YAML syntax error: found unexpected end of stream at line 7, column 1 "
                + "(while scanning a quoted scalar that starts here); a quote opened here is never closed."
        ),
        (
            "channel: { type: c }\npipeline: p\ntags: ['one', 'two]\n",
            "accounts.d/a.yaml:3:15: error: YAML syntax error: found unexpected end of stream at line 4, column 1 "
                + "(while scanning a quoted scalar that starts here)"
        ),
        (
            "channel: { type: c }\npipeline: p\nname: 'no newline at the end",
            "accounts.d/a.yaml:3:7: error: YAML syntax error: found unexpected end of stream at line 3, column 29 "
                + "(while scanning a quoted scalar that starts here)"
        ),
        // A bad escape is pointed at where it is, inside the quotes.
        (
            "channel: { type: c }\npipeline: p\nname: \"a\\qb\"\n",
            "accounts.d/a.yaml:3:9: error: YAML syntax error: found unknown escape character"
        ),
    ])
    func aSyntaxErrorPointsWhereTheBrokenConstructStarts(text: String, expected: String) {
        let found = ValidateMissesTests.diagnostics(text)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
    }
}
