import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import Testing

@testable import ShowrunnerServer

/// The renderers escape every value from config or history, and the pure pieces (ranges, SSE replay, forms) hold.
struct DashboardRenderingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
        ("plain café", "plain café"),
    ])
    func interpolatedTextIsEscaped(input: String, expected: String) {
        let html: HTML = "<p title=\"\(input)\">\(input)</p>"
        #expect(html.text == "<p title=\"\(expected)\">\(expected)</p>")
    }

    @Test func aChannelNamedLikeAScriptRendersAsText() {
        let xss = "<script>alert(1)</script>"
        let row = ChannelsPage.Row(
            id: "xss", name: xss, type: "<b>t</b>", language: "en", zone: "UTC", nextFire: nil, recent: [],
            videosThisWeek: 0, badges: [.init(kind: "paused", text: "paused", detail: "<img src=x onerror=1>")],
            paused: true)
        let page = ChannelsPage(rows: [row], search: "\"><script>", page: 1, total: 1, now: Date())
        let html = ChannelsView.render(page, csrf: "token").text
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("\"><script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("name=\"csrf\" value=\"token\""))
    }

    @Test func outputsNamedLikeSecretsAndKnownSecretValuesAreMasked() {
        let masking = OutputMasking(redactor: Redactor(secrets: ["sk-live-123456"]))
        let attempt = AttemptRecord(
            runID: "r", stepID: "s", attempt: 1, status: .failed, error: "bad key sk-live-123456",
            outputs: ["api_key": .string("whatever"), "title": .string("uses sk-live-123456"), "keywords": .int(3)],
            startedAt: Date())
        let masked = masking.mask(attempt)
        #expect(masked.error == "bad key ***")
        #expect(masked.outputs?["api_key"] == .string("***"))
        #expect(masked.outputs?["title"] == .string("uses ***"))
        #expect(masked.outputs?["keywords"] == .int(3))
    }

    @Test(
        arguments: [
            ("bytes=0-99", 1000, ByteRange.Parsed.range(ByteRange(lower: 0, upper: 99))),
            ("bytes=500-", 1000, .range(ByteRange(lower: 500, upper: 999))),
            ("bytes=-100", 1000, .range(ByteRange(lower: 900, upper: 999))),
            ("bytes=900-5000", 1000, .range(ByteRange(lower: 900, upper: 999))),
            ("bytes=1000-", 1000, .unsatisfiable),
            ("bytes=5-1", 1000, .whole),
            ("bytes=0-1,5-6", 1000, .whole),
            ("items=0-1", 1000, .whole),
            (nil, 1000, .whole),
        ] as [(String?, Int, ByteRange.Parsed)])
    func rangeHeadersResolveAgainstTheFileSize(header: String?, size: Int, expected: ByteRange.Parsed) {
        #expect(ByteRange.parse(header, size: size) == expected)
    }

    @Test func lastEventIDReplaysOnlyWhatWasMissedAndReportsAGap() {
        let hub = LiveEventHub(capacity: 3)
        for index in 1...5 { hub.publish(.runQueued, ["run_id": "r\(index)"]) }
        let resumed = hub.subscribe(after: 3)
        #expect(resumed.replay.map(\.id) == [4, 5])
        #expect(!resumed.gap)
        let tooOld = hub.subscribe(after: 1)
        #expect(tooOld.replay.map(\.id) == [3, 4, 5])
        #expect(tooOld.gap)
        let fromAnotherLife = hub.subscribe(after: 99)
        #expect(fromAnotherLife.gap)
        #expect(hub.subscribe(after: nil).replay.isEmpty)
    }

    @Test func formBodiesDecode() {
        #expect(
            FormBody.parse("csrf=a%2Bb&back=%2Fruns%3Fx%3D1&name=x+y&csrf=second") == [
                "csrf": "a+b", "back": "/runs?x=1", "name": "x y",
            ])
    }

    @Test(arguments: [
        ("/runs?account=a", "/runs?account=a"), ("//evil.example/x", "/channels"),
        ("https://evil.example", "/channels"),
        ("/\\evil", "/channels"),
    ])
    func redirectsStayOnTheSite(next: String, expected: String) {
        #expect(SignInPage.safeNext(next) == expected)
    }

    @Test func theStepGraphPlacesAStepRightOfWhatItNeeds() {
        let nodes: [StepGraphSVG.Node] = [
            .init(id: "topic", needs: [], state: "succeeded"), .init(id: "script", needs: ["topic"], state: "failed"),
            .init(id: "video", needs: ["script", "topic"], state: "pending"),
        ]
        #expect(StepGraphSVG.depths(nodes) == ["topic": 0, "script": 1, "video": 2])
        let svg = StepGraphSVG.render(nodes).text
        #expect(svg.contains("data-step=\"script\" data-state=\"failed\""))
        #expect(svg.contains("fill=\"#d62828\""))
    }
}
