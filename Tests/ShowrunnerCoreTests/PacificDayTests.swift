import Foundation
import ShowrunnerCore
import Testing

/// The YouTube quota day: midnight to midnight in America/Los_Angeles, across DST changes.
struct PacificDayTests {
    static func date(_ text: String) -> Date { RFC3339.parse(text, defaultZone: TimeZone(identifier: "UTC")!)! }

    @Test(arguments: [
        ("2026-03-08T07:59:59Z", "2026-03-07", "2026-03-08T00:00:00-08:00"),  // 23:59:59 PST
        ("2026-03-08T08:00:00Z", "2026-03-08", "2026-03-09T00:00:00-07:00"),  // spring forward: a 23-hour day
        ("2026-11-01T06:59:59Z", "2026-10-31", "2026-11-01T00:00:00-07:00"),
        ("2026-11-01T07:00:00Z", "2026-11-01", "2026-11-02T00:00:00-08:00"),  // fall back: a 25-hour day
        ("2026-03-08T18:00:00+09:00", "2026-03-08", "2026-03-09T00:00:00-07:00"),  // 09:00 UTC = 01:00 PST
        ("2026-12-31T23:30:00-08:00", "2026-12-31", "2027-01-01T00:00:00-08:00"),
    ])
    func dayAndReset(_ instant: String, _ day: String, _ reset: String) {
        let pacific = PacificDay(containing: Self.date(instant))
        #expect(pacific.description == day)
        #expect(RFC3339.format(pacific.end, in: PacificDay.timeZone) == reset)
        #expect(pacific.end > Self.date(instant))
        #expect(pacific.start <= Self.date(instant))
    }

    @Test func timeUntilResetIsExactAndNeverNegative() {
        let day = PacificDay(containing: Self.date("2026-03-08T08:00:00Z"))
        #expect(day.timeUntilReset(from: Self.date("2026-03-09T06:00:00Z")) == .seconds(3600))  // 23:00 PDT
        #expect(day.timeUntilReset(from: Self.date("2026-03-09T07:00:00Z")) == .zero)
        #expect(day.timeUntilReset(from: Self.date("2026-03-10T00:00:00Z")) == .zero)
    }

    @Test func parsingAndOrder() {
        #expect(PacificDay("2026-02-29") == nil)
        #expect(PacificDay("2026-3-08") == nil)
        #expect(PacificDay("2028-02-29")?.description == "2028-02-29")
        let day = PacificDay("2026-03-08")!
        #expect(day.next == PacificDay("2026-03-09"))
        #expect(day < day.next)
        #expect(PacificDay("2026-12-31")!.next == PacificDay("2027-01-01"))
        #expect(day.end.timeIntervalSince(day.start) == 23 * 3600)
    }
}
