import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `notify:` receivers' names, by which a pending alert finds its receiver after a restart.
struct NotifySettingTests {
    @Test(arguments: [
        ("notify:\n  - { name: ops, url: \"${env:HOOK}\" }\n", ["ops"], nil),
        ("notify:\n  - { url: \"${env:A}\" }\n  - { url: \"${env:A}\", format: slack }\n", nil, nil),
        (
            "notify:\n  - { name: ops, url: \"${env:A}\" }\n  - { name: ops, url: \"${env:B}\" }\n", nil,
            "error: notify[1]: two receivers are named 'ops'"
        ),
        (
            "notify:\n  - { url: \"${env:A}\", events: [run_failed] }\n  - { url: \"${env:A}\" }\n", nil,
            "give each a name: of its own"
        ),
    ])
    func receiversHaveOneNameEach(_ yaml: String, _ names: [String]?, _ problem: String?) throws {
        let document = ConfigDecoder.settings(text: yaml, path: "showrunner.yaml")
        let diagnostics = document.diagnostics.map(\.rendered)
        guard let problem else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let targets = try #require(document.value).notify
            if let names { #expect(targets.map(\.receiverName) == names) }
            #expect(Set(targets.map(\.receiverName)).count == targets.count)
            return
        }
        #expect(diagnostics.contains { $0.contains(problem) }, "\(diagnostics)")
    }
}
