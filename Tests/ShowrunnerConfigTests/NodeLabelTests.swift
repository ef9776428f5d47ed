import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `node: { labels }` in showrunner.yaml and an account's `runs_on:` (which cluster nodes may run it).
struct NodeLabelTests {
    static let account = """
        channel: { type: test }
        schedule: { cron: "0 9 * * *" }
        pipeline: { steps: [ { id: s, uses: command, with: { run: [true] } } ] }

        """

    static func runsOn(_ yaml: String) -> ([String]?, [String]) {
        let document = ConfigDecoder.account(text: account + yaml, path: "accounts.d/demo.yaml")
        return (document.value?.runsOn, document.diagnostics.map(\.rendered))
    }

    @Test func aNodeHasLabels() throws {
        let (settings, diagnostics) = StoreSettingTests.settings("node: { name: render-1, labels: [gpu, eu-west.2] }\n")
        #expect(diagnostics.isEmpty)
        #expect(try #require(settings).nodeLabels == ["gpu", "eu-west.2"])
        #expect(try #require(StoreSettingTests.settings("node: { name: n }\n").0).nodeLabels.isEmpty)
    }

    @Test(arguments: [("", [String]()), ("runs_on: [gpu]\n", ["gpu"]), ("runs_on: [gpu, eu]\n", ["gpu", "eu"])])
    func decodes(_ yaml: String, _ expected: [String]) {
        let (labels, diagnostics) = Self.runsOn(yaml)
        #expect(diagnostics.isEmpty)
        #expect(labels == expected)
    }

    @Test(arguments: [
        ("runs_on: gpu\n", "error: runs_on: expected a list such as [a, b]"),
        ("runs_on: [GPU]\n", "error: runs_on[0]: 'GPU' is not a label"),
        ("runs_on: [gpu, gpu]\n", "error: runs_on: a label is listed twice"),
        ("runs_on: [\"\"]\n", "is not a label"),
    ])
    func refuses(_ yaml: String, _ expected: String) {
        let (labels, diagnostics) = Self.runsOn(yaml)
        #expect(labels == nil)
        #expect(diagnostics.contains { $0.contains(expected) }, "\(diagnostics)")
    }

    @Test func aBadNodeLabelIsAnError() {
        let (settings, diagnostics) = StoreSettingTests.settings("node: { labels: [\"with space\"] }\n")
        #expect(settings == nil)
        #expect(diagnostics.contains { $0.contains("node.labels[0]: 'with space' is not a label") }, "\(diagnostics)")
    }
}
