import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `validate` checks a video's `background: { stock: … }` before a run: the provider must be known and the key a
/// secret reference.
struct StockBackgroundValidationTests {
    private func diagnostics(_ background: String) -> [String] {
        var fixture = ConfigFixture()
        fixture.pipelines = [
            "p": """
            name: p
            steps:
              - id: script
                uses: script.template
                with: { title: t, text: x }
              - id: voice
                uses: tts
              - id: video
                uses: video
                with:
                  background: \(background)

            """
        ]
        fixture.accounts = ["a": "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n"]
        return fixture.diagnostics().filter { $0.contains("pipelines/p.yaml") }
    }

    @Test(
        arguments: [
            (#"{ stock: pexels, api_key: "${env:PEXELS_API_KEY}" }"#, nil),
            (#"{ stock: pixabay, api_key: "${file:secrets/pixabay}" }"#, nil),
            (
                #"{ stock: pexel, api_key: "${env:PEXELS_API_KEY}" }"#,
                "unknown stock provider 'pexel'; did you mean 'pexels'?"
            ),
            ("{ stock: pexels }", "stock footage needs api_key, a secret reference such as \"${env:PEXELS_API_KEY}\"."),
            (
                "{ stock: pixabay, api_key: abc123 }",
                "api_key must be a secret reference such as \"${env:PIXABAY_API_KEY}\""
            ),
        ] as [(String, String?)])
    func stockBackgrounds(background: String, problem: String?) {
        let found = diagnostics(background).filter { $0.contains("error") }
        if let problem {
            #expect(found.contains { $0.contains(problem) }, "\(found)")
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }
}
