import Testing

@testable import ShowrunnerCore

struct StatsCalculatorTests {
    static let day = 20_509  // 2026-02-25
    static let kinds = ["shorts": ["make": "video", "out": "upload.youtube", "topic": "topic.list"]]

    static func step(
        _ day: Int, _ step: String, ok: Bool = true, bucket: Int = 20, count: Int = 1, ms: Int64 = 1000,
        media: Double = 0, pipeline: String = "shorts"
    ) -> StepDayBucket {
        StepDayBucket(
            day: day, pipeline: pipeline, stepID: step, succeeded: ok, bucket: bucket, count: count, milliseconds: ms,
            mediaSeconds: media)
    }

    @Test func countsPerDayAreZeroFilledAndTotalled() {
        let rows = StatsRows(runs: [
            RunDayCount(day: Self.day, status: .succeeded, count: 3),
            RunDayCount(day: Self.day, status: .failed, count: 1),
            RunDayCount(day: Self.day - 2, status: .missed, count: 2),
            RunDayCount(day: Self.day - 9, status: .succeeded, count: 50),
        ])
        let report = StatsCalculator.report(rows, days: (Self.day - 6)...Self.day, account: nil, kinds: [:])
        #expect(report.days == 7)
        #expect(report.from == "2026-02-19")
        #expect(report.to == "2026-02-25")
        #expect(report.daily.map(\.date).first == "2026-02-19")
        #expect(report.daily.map { $0.counts["succeeded"] } == [0, 0, 0, 0, 0, 0, 3])
        #expect(report.daily[4].counts["missed"] == 2)
        #expect(report.totals == ["succeeded": 3, "failed": 1, "cancelled": 0, "missed": 2, "skipped": 0])
        #expect(report.successRate == 0.75)
    }

    @Test(
        arguments: [
            ([:], nil), (["succeeded": 1], 1.0), (["failed": 2, "missed": 5], 0.0),
            (["succeeded": 1, "failed": 1, "cancelled": 2, "skipped": 9], 0.25),
        ] as [([String: Int], Double?)])
    func successRateCountsOnlyRunsThatRan(_ totals: [String: Int], _ rate: Double?) {
        #expect(StatsCalculator.successRate(totals) == rate)
    }

    @Test func stepsAreGroupedByKindWithPercentilesOfTheSucceeded() throws {
        let rows = StatsRows(steps: [
            Self.step(Self.day, "topic", bucket: 10, count: 9),
            Self.step(Self.day - 1, "topic", bucket: 30, count: 1),
            Self.step(Self.day, "topic", ok: false, bucket: 60, count: 5),
            Self.step(Self.day, "gone", bucket: 5, count: 1, pipeline: "deleted"),
        ])
        let report = StatsCalculator.report(rows, days: (Self.day - 6)...Self.day, account: "a", kinds: Self.kinds)
        #expect(report.steps.map(\.kind) == ["topic.list", "gone"])
        let topic = report.steps[0]
        #expect(topic.attempts == 15)
        #expect(topic.failed == 5)
        #expect(topic.p50Milliseconds == DurationBuckets.representative(10))
        #expect(topic.p95Milliseconds == DurationBuckets.representative(30))
        #expect(report.account == "a")
    }

    @Test func renderRateAndUploadsComeFromTheirKinds() {
        let rows = StatsRows(steps: [
            Self.step(Self.day, "make", count: 2, ms: 240_000, media: 120),
            Self.step(Self.day, "make", ok: false, count: 1, ms: 999_000),
            Self.step(Self.day, "out", count: 3), Self.step(Self.day - 1, "out", count: 4),
            Self.step(Self.day, "out", ok: false, count: 8),
        ])
        let report = StatsCalculator.report(rows, days: (Self.day - 6)...Self.day, account: nil, kinds: Self.kinds)
        #expect(report.renderSecondsPerVideoMinute == 120)
        #expect(report.uploads == 7)
        #expect(report.uploadsPerDay == 1)
        #expect(report.daily.suffix(2).map(\.uploads) == [4, 3])
    }

    @Test func noVideoMeansNoRenderRate() {
        let report = StatsCalculator.report(StatsRows(), days: Self.day...Self.day, account: nil, kinds: Self.kinds)
        #expect(report.renderSecondsPerVideoMinute == nil)
        #expect(report.successRate == nil)
        #expect(report.steps.isEmpty)
    }
}
