import Foundation
import Testing

@testable import ShowrunnerCore

struct RFC3339Tests {
    @Test(arguments: [
        ("2026-03-08T03:00:00-04:00", "America/New_York", "2026-03-08T03:00:00-04:00"),
        ("2026-03-08T07:00:00Z", "America/New_York", "2026-03-08T03:00:00-04:00"),
        ("2026-03-08T02:30", "America/New_York", "2026-03-08T03:00:00-04:00"),  // in the gap: moved forward
        ("2026-11-01T01:30", "America/New_York", "2026-11-01T01:30:00-04:00"),  // repeated: first occurrence
        ("2026-01-01", "Asia/Kolkata", "2026-01-01T00:00:00+05:30"),
        ("2026-06-01T12:00:00.250+02:00", "UTC", "2026-06-01T10:00:00+00:00"),
        ("1969-12-31T23:59:59Z", "UTC", "1969-12-31T23:59:59+00:00"),
    ])
    func roundTrips(_ input: String, _ zone: String, _ expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let date = try #require(RFC3339.parse(input, defaultZone: timeZone))
        #expect(RFC3339.format(date, in: timeZone) == expected)
    }

    /// A jitter of millions of years reaches dates past year 9999: every digit of the year is written.
    @Test func aYearPast9999KeepsEveryDigit() {
        let utc = TimeZone(identifier: "UTC")!
        let far = Date(timeIntervalSince1970: 9e15)
        #expect(RFC3339.format(far, in: utc) == "285200616-07-24T16:00:00+00:00")
        var bytes: [UInt8] = []
        RFC3339.appendUTC(far, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "285200616-07-24T16:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 253_402_300_799), in: utc) == "9999-12-31T23:59:59+00:00")
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-30", "2026-01-01T25:00", "2026-01-01T10:00+5", "tomorrow", "2026-01-01T10:00:00Zx",
    ])
    func rejects(_ input: String) {
        #expect(RFC3339.parse(input, defaultZone: TimeZone(identifier: "UTC")!) == nil)
    }
}

struct ScheduleJitterTests {
    @Test func jitterIsStableAndWithinBounds() throws {
        let schedule = Schedule(cron: try CronExpression(parsing: "0 9 * * *"), jitter: .seconds(600))
        let offsets = (0..<200).map { schedule.jitterOffset(for: "account-\($0)") }
        #expect(offsets.allSatisfy { $0 >= .zero && $0 < .seconds(600) })
        #expect(Set(offsets).count > 150)
        #expect(schedule.jitterOffset(for: "cooking-daily") == schedule.jitterOffset(for: "cooking-daily"))
        #expect(Schedule(cron: schedule.cron).jitterOffset(for: "x") == .zero)
    }
}

struct SuggestionTests {
    @Test(arguments: [
        ("timzone", ["timezone", "jitter"], "timezone"), ("rendr", ["render", "upload"], "render"),
        ("xyz", ["timezone"], nil), ("MONN", ["MON", "TUE"], "MON"),
    ])
    func suggests(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }
}
