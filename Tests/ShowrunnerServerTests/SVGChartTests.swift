import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The chart renderers: well-formed SVG, every text escaped, the figures placed.
struct SVGChartTests {
    static let hostile = "<script>alert('x')</script>&\""

    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    @Test(arguments: [
        ("plain", "plain"), ("<b>", "&lt;b&gt;"), ("a & b", "a &amp; b"), ("\"q\" 'q'", "&quot;q&quot; &#39;q&#39;"),
        ("日本 🎬", "日本 🎬"),
    ])
    func escape(_ text: String, _ escaped: String) {
        #expect(SVG.escape(text) == escaped)
    }

    @Test(arguments: [(0.0, "0"), (1.25, "1.3"), (12.0, "12"), (-0.5, "-0.5"), (-1.5, "-1.5"), (99.96, "100")])
    func number(_ value: Double, _ text: String) {
        #expect(SVG.number(value) == text)
    }

    @Test func statusBarsStackPerDay() {
        let days = [
            StatsDayFigures(date: "2026-02-24", counts: ["succeeded": 3, "failed": 1], uploads: 0),
            StatsDayFigures(date: "2026-02-25", counts: ["succeeded": 0], uploads: 0),
            StatsDayFigures(date: Self.hostile, counts: ["failed": 2], uploads: 0),
        ]
        let svg = StatusBarChart.render(days)
        #expect(Self.isWellFormed(svg))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3 + StatsCalculator.finishedStatuses.count)
        #expect(svg.contains("<title>2026-02-24: 3 succeeded</title>"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)"))
    }

    @Test func durationBarsNameTheKindsEscaped() {
        let steps = [
            StepKindFigures(kind: "video", attempts: 4, failed: 0, p50Milliseconds: 90_000, p95Milliseconds: 180_000),
            StepKindFigures(kind: Self.hostile, attempts: 1, failed: 0, p50Milliseconds: 800, p95Milliseconds: 900),
            StepKindFigures(kind: "never", attempts: 2, failed: 2, p50Milliseconds: nil, p95Milliseconds: nil),
        ]
        let svg = DurationChart.render(steps)
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains("90 s / 3 min"))
        #expect(svg.contains("800 ms / 900 ms"))
        #expect(!svg.contains("never"))
        #expect(!svg.contains("<script"))
    }

    @Test func timelinePlacesFiresByInstantAndCapsRows() throws {
        let from = Date(timeIntervalSince1970: 1_772_841_600)  // 2026-03-07T00:00:00Z
        let schedules = try (0..<45).map { index in
            UpcomingSchedule(
                accountID: "a\(index)", name: index == 0 ? Self.hostile : nil,
                schedule: Schedule(
                    cron: try CronExpression(parsing: "30 2 * * *"), timeZone: TimeZone(identifier: "America/New_York")!
                ))
        }
        let plan = UpcomingPlanner.plan(schedules, from: from, to: from.addingTimeInterval(7 * 86_400))
        let svg = UpcomingTimeline.render(plan)
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains("+5 more accounts"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 40 * 7)
        #expect(svg.contains("2026-03-08T03:00:00-04:00 America/New_York (moved_out_of_gap)"))
        #expect(svg.contains(">2026-03-08<"))
        #expect(!svg.contains("<script"))
    }
}
