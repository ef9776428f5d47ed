import Foundation
import ShowrunnerCore
import Testing

struct ConfigControllerTests {
    @Test func diagnosticsListsCurrentErrorsAndWarnings() async throws {
        let warning = Diagnostic(.warning, file: "showrunner.yaml", "providers.llm.api_key holds a literal secret.")
        let daemon = FakeDaemon(diagnostics: [Fixtures.badCron, warning])
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.get("/api/config/diagnostics")
            #expect(answer.status == 200)
            let diagnostics = answer.json["diagnostics"]?.items ?? []
            #expect(diagnostics.count == 2)
            #expect(diagnostics[0]["message"]?.stringValue == "day-of-month 32 is out of range 1–31.")
            #expect(diagnostics[1]["severity"]?.stringValue == "warning")
            #expect(diagnostics[1]["line"]?.isNull == true)
            #expect(diagnostics[1]["key_path"]?.isNull == true)
            #expect(
                diagnostics[1]["rendered"]?.stringValue
                    == "showrunner.yaml: warning: providers.llm.api_key holds a literal secret.")
        }
    }

    @Test func noDiagnosticsIsAnEmptyList() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/config/diagnostics")
            #expect(answer.status == 200)
            #expect(answer.json == .map(["diagnostics": .list([])]))
        }
    }
}
