import Foundation
import Testing

@testable import ShowrunnerCore

struct CronExpressionTests {
    static func zone(_ name: String) -> TimeZone { TimeZone(identifier: name)! }

    /// The fire after `after` rendered in the zone, or "never".
    static func next(_ expression: String, _ zoneName: String, after: String) throws -> String {
        let zone = zone(zoneName)
        let cron = try CronExpression(parsing: expression)
        let start = try #require(RFC3339.parse(after, defaultZone: zone))
        return cron.nextDate(after: start, in: zone).map { RFC3339.format($0, in: zone) } ?? "never"
    }

    @Test(arguments: [
        // Plain schedules, strictly after.
        ("0 9 * * MON-FRI", "Asia/Seoul", "2026-03-06T09:00:00+09:00", "2026-03-09T09:00:00+09:00"),
        ("0 9 * * MON-FRI", "Asia/Seoul", "2026-03-06T08:59:59+09:00", "2026-03-06T09:00:00+09:00"),
        ("*/15 * * * *", "UTC", "2026-01-01T00:00:00Z", "2026-01-01T00:15:00+00:00"),
        ("*/60 * * * *", "UTC", "2026-01-01T00:30:00Z", "2026-01-01T01:00:00+00:00"),
        ("5-5/10 * * * *", "UTC", "2026-01-01T00:05:00Z", "2026-01-01T01:05:00+00:00"),
        ("0 0 1 1 *", "UTC", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00+00:00"),
        ("0 12 29 2 *", "UTC", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00+00:00"),
        // Extensions.
        ("0 0 L * *", "UTC", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00+00:00"),
        ("0 0 L * *", "UTC", "2028-02-01T00:00:00Z", "2028-02-29T00:00:00+00:00"),
        ("0 0 LW * *", "UTC", "2026-05-01T00:00:00Z", "2026-05-29T00:00:00+00:00"),
        ("0 0 * * 5L", "UTC", "2026-01-01T00:00:00Z", "2026-01-30T00:00:00+00:00"),
        ("0 0 * * FRI#3", "UTC", "2026-01-01T00:00:00Z", "2026-01-16T00:00:00+00:00"),
        ("0 0 * * MON#5", "UTC", "2026-01-01T00:00:00Z", "2026-03-30T00:00:00+00:00"),
        ("0 0 * * fri#1,2L", "UTC", "2026-01-03T00:00:00Z", "2026-01-27T00:00:00+00:00"),
        // Sunday is 0 and 7; a/n in day-of-week runs to 7.
        ("0 0 * * 7", "UTC", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00+00:00"),
        ("0 0 * * 5-7", "UTC", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00+00:00"),
        ("0 0 * * 1/6", "UTC", "2026-01-05T00:00:00Z", "2026-01-11T00:00:00+00:00"),
        // Cronie's day rule: OR unless a day field starts with '*'.
        ("0 0 1 * MON", "UTC", "2026-01-01T00:00:00Z", "2026-01-05T00:00:00+00:00"),
        ("0 0 1 * MON", "UTC", "2026-01-26T00:00:00Z", "2026-02-01T00:00:00+00:00"),
        ("0 0 */2 * MON", "UTC", "2026-01-05T00:00:00Z", "2026-01-19T00:00:00+00:00"),
        ("0 0 1 * *", "UTC", "2026-01-05T00:00:00Z", "2026-02-01T00:00:00+00:00"),
        // Macros.
        ("@hourly", "UTC", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00+00:00"),
        ("@weekly", "UTC", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00+00:00"),
        ("@yearly", "UTC", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00+00:00"),
        // Six fields.
        ("*/15 * * * * *", "UTC", "2026-01-01T00:00:07Z", "2026-01-01T00:00:15+00:00"),
        ("30 0 9 * * *", "UTC", "2026-01-01T09:00:30Z", "2026-01-02T09:00:30+00:00"),
    ])
    func nextDate(_ expression: String, _ zone: String, _ after: String, _ expected: String) throws {
        #expect(try Self.next(expression, zone, after: after) == expected)
    }

    @Test(arguments: [
        // New York spring forward 2026-03-08 02:00 EST → 03:00 EDT.
        ("30 2 * * *", "America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("30 2 * * *", "America/New_York", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"),
        ("0,15,30,45 2 * * *", "America/New_York", "2026-03-08T01:59:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("0,15,30,45 2 * * *", "America/New_York", "2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"),
        ("0 2,3 * * *", "America/New_York", "2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"),
        ("30 * * * *", "America/New_York", "2026-03-08T01:45:00-05:00", "2026-03-08T03:30:00-04:00"),
        ("*/30 * * * *", "America/New_York", "2026-03-08T01:45:00-05:00", "2026-03-08T03:00:00-04:00"),
        // New York fall back 2026-11-01 02:00 EDT → 01:00 EST.
        ("30 1 * * *", "America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-01T01:30:00-04:00"),
        ("30 1 * * *", "America/New_York", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"),
        ("30 1 * * *", "America/New_York", "2026-11-01T01:15:00-05:00", "2026-11-02T01:30:00-05:00"),
        ("30 * * * *", "America/New_York", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00"),
        ("0 30 1 * * *", "America/New_York", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"),
        // Six fields, fixed time in the gap: collapses to one fire at 03:00.
        ("*/20 30 2 * * *", "America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("*/20 30 2 * * *", "America/New_York", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"),
        // Europe/London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
        ("30 1 * * *", "Europe/London", "2026-03-29T00:00:00+00:00", "2026-03-29T02:00:00+01:00"),
        ("30 1 * * *", "Europe/London", "2026-10-25T00:00:00+01:00", "2026-10-25T01:30:00+01:00"),
        ("30 1 * * *", "Europe/London", "2026-10-25T01:30:00+01:00", "2026-10-26T01:30:00+00:00"),
        ("*/30 * * * *", "Europe/London", "2026-10-25T01:30:00+01:00", "2026-10-25T01:00:00+00:00"),
        // Lord Howe: 30-minute shifts. 2026-10-04 02:00 (+10:30) → 02:30 (+11); 2026-04-05 02:00 (+11) → 01:30.
        ("15 2 * * *", "Australia/Lord_Howe", "2026-10-04T00:00:00+10:30", "2026-10-04T02:30:00+11:00"),
        ("15 2 * * *", "Australia/Lord_Howe", "2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"),
        ("45 1 * * *", "Australia/Lord_Howe", "2026-04-05T00:00:00+11:00", "2026-04-05T01:45:00+11:00"),
        ("45 1 * * *", "Australia/Lord_Howe", "2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"),
        ("*/20 * * * *", "Australia/Lord_Howe", "2026-04-05T01:50:00+11:00", "2026-04-05T01:40:00+10:30"),
        // Apia skipped 2011-12-30 entirely (-10:00 → +14:00).
        ("0 9 * * *", "Pacific/Apia", "2011-12-29T10:00:00-10:00", "2011-12-31T00:00:00+14:00"),
        ("0 9 * * *", "Pacific/Apia", "2011-12-31T00:00:00+14:00", "2011-12-31T09:00:00+14:00"),
        ("0 12 30 12 *", "Pacific/Apia", "2011-12-01T00:00:00-10:00", "2011-12-31T00:00:00+14:00"),
        ("0 * * * *", "Pacific/Apia", "2011-12-29T23:30:00-10:00", "2011-12-31T00:00:00+14:00"),
    ])
    func daylightSaving(_ expression: String, _ zone: String, _ after: String, _ expected: String) throws {
        #expect(try Self.next(expression, zone, after: after) == expected)
    }

    @Test func fixedTimeFiresOnceThroughAWholeYearOfDaylightSaving() throws {
        let zone = Self.zone("America/New_York")
        let cron = try CronExpression(parsing: "30 1,2 * * *")
        let start = try #require(RFC3339.parse("2026-01-01T00:00:00-05:00", defaultZone: zone))
        let fires = cron.fires(after: start, in: zone, count: 730)
        // 365 days × 2 wall times, minus 02:30 on spring-forward day (collapsed with nothing: it moves to 03:00).
        let days = Dictionary(grouping: fires) { String(RFC3339.format($0.date, in: zone).prefix(10)) }
        #expect(
            days["2026-03-08"]?.map { RFC3339.format($0.date, in: zone) } == [
                "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00",
            ])
        #expect(
            days["2026-11-01"]?.map { RFC3339.format($0.date, in: zone) } == [
                "2026-11-01T01:30:00-04:00", "2026-11-01T02:30:00-05:00",
            ])
        #expect(days["2026-03-08"]?.last?.adjustment == .movedOutOfGap)
        #expect(days["2026-11-01"]?.first?.adjustment == .repeatedWallTime)
        #expect(fires.map(\.date) == fires.map(\.date).sorted())
    }

    @Test func wildcardJobFiresTwiceInARepeatedHour() throws {
        let zone = Self.zone("America/New_York")
        let cron = try CronExpression(parsing: "0,30 * * * *")
        let start = try #require(RFC3339.parse("2026-11-01T00:45:00-04:00", defaultZone: zone))
        let fires = cron.fires(after: start, in: zone, count: 5).map { RFC3339.format($0.date, in: zone) }
        #expect(
            fires == [
                "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00",
                "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00",
            ])
    }

    @Test func rareFiresAcrossTheCenturyAreFound() throws {
        // Feb 29 that is a Sunday (AND rule): 2032, 2060, 2088, then 2128 (2100 is not a leap year).
        #expect(try Self.next("0 0 29 2 */7", "UTC", after: "2026-01-01T00:00:00Z") == "2032-02-29T00:00:00+00:00")
        #expect(try Self.next("0 0 29 2 */7", "UTC", after: "2089-01-01T00:00:00Z") == "2128-02-29T00:00:00+00:00")
    }

    @Test func wildcardAndFixedJobs() throws {
        #expect(try CronExpression(parsing: "*/5 9 * * *").isWildcardJob)
        #expect(try CronExpression(parsing: "0 * * * *").isWildcardJob)
        #expect(try CronExpression(parsing: "@hourly").isWildcardJob)
        #expect(try !CronExpression(parsing: "0 9 * * *").isWildcardJob)
        #expect(try !CronExpression(parsing: "* 0 9 * * *").isWildcardJob)
        #expect(try CronExpression(parsing: "0 0 9 * * *").hasSeconds)
    }
}
