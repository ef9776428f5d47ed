import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `validate` checks a video's `background: { stock: … }` where an account's `steps:` override sets it, as it does
/// in a pipeline: a known provider and an `api_key` that is a secret reference, each error at the account file's
/// line and column.
struct StockOverrideValidationTests {
    static let pipeline = """
        name: p
        steps:
          - id: script
            uses: script.template
            with: { title: t, text: x }
          - id: voice
            uses: tts
          - id: video
            uses: video
            with: { background: black }

        """

    /// The account's errors, rendered `file:line:column: error: key path: message`; the override's `background:`
    /// is on line 7 (a missing key is reported there), `stock` on line 8 and `api_key` (when given) on line 9.
    private func errors(_ background: [String]) -> [String] {
        var fixture = ConfigFixture()
        fixture.pipelines = ["p": Self.pipeline]
        let lines = background.map { "        \($0)\n" }.joined()
        fixture.accounts = [
            "a": "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\nsteps:\n  video:\n    with:\n"
                + "      background:\n" + lines
        ]
        return fixture.diagnostics().filter { $0.contains(": error: ") }
    }

    @Test(
        arguments: [
            (["stock: pexels", #"api_key: "${env:PEXELS_API_KEY}""#], nil),
            (["stock: pixabay", #"api_key: "${file:secrets/pixabay}""#], nil),
            (
                ["stock: pexel", #"api_key: "${env:PEXELS_API_KEY}""#],
                "accounts.d/a.yaml:8:16: error: steps.video.with.background.stock: step 'video': unknown stock provider "
                    + "'pexel'; did you mean 'pexels'? use pexels or pixabay."
            ),
            (
                ["stock: pexels"],
                "accounts.d/a.yaml:7:7: error: steps.video.with.background: step 'video': stock footage needs api_key, a secret reference such as "
                    + "\"${env:PEXELS_API_KEY}\"."
            ),
            (
                ["stock: pixabay", "api_key: abc123"],
                "accounts.d/a.yaml:9:18: error: steps.video.with.background.api_key: step 'video': api_key must be a secret reference such as "
                    + "\"${env:PIXABAY_API_KEY}\", not a literal key."
            ),
        ] as [([String], String?)])
    func stockInAnOverride(background: [String], expected: String?) {
        let found = errors(background)
        if let expected {
            #expect(found == [expected])
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }
}
