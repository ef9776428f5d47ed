import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// What the single pass over libyaml's events reports, as the user sees it in `validate`.
struct YAMLEventComposerTests {
    static func rendered(_ text: String) -> [String] {
        ConfigDecoder.account(text: text, path: "accounts.d/a.yaml").diagnostics.map(\.rendered)
    }

    static let head = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n"

    @Test(arguments: [
        // A key written twice, in a small and in a large mapping (the large one is hashed).
        ("name: a\nname: b\n", "accounts.d/a.yaml:4:1: error: duplicate key 'name' in one mapping"),
        (
            "vars:\n" + (0..<40).map { "  k\($0): v\n" }.joined() + "  k7: again\n",
            "accounts.d/a.yaml:12:3: error: duplicate key 'k7' in one mapping"
        ),
        ("vars: { a: *nowhere }\n", "accounts.d/a.yaml:4:12: error: YAML syntax error: found undefined alias"),
        ("name: a\n---\nname: b\n", "accounts.d/a.yaml:5:1: error: YAML syntax error: but found another document"),
        // Yams never reported a flow collection's style; the hint for unquoted {{ }} shows now.
        ("name: {{ vars.x }}\n", "must be put in quotes if it is text"),
    ])
    func aBrokenFileIsReportedWhereItBreaks(text: String, expected: String) {
        let found = Self.rendered(Self.head + text)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test func anchorsAndAliasesCarryTheirValues() throws {
        let text = Self.head + "vars:\n  base: &b { tone: calm, n: 3 }\n  copy: *b\n  list: &l [1, two]\n  again: *l\n"
        let document = ConfigDecoder.account(text: text, path: "accounts.d/a.yaml")
        let account = try #require(document.value, "\(document.diagnostics.map(\.rendered))")
        #expect(account.vars["copy"] == account.vars["base"])
        #expect(account.vars["again"] == .list([.int(1), .string("two")]))
    }
}
