import Foundation
import Testing

@testable import ShowrunnerCore

struct UpcomingPlannerTests {
    static func schedule(
        _ id: String, _ cron: String, _ zone: String = "UTC", jitter: Duration = .zero, next: Date? = nil
    ) throws -> UpcomingSchedule {
        UpcomingSchedule(
            accountID: id, name: "Name of \(id)",
            schedule: Schedule(
                cron: try CronExpression(parsing: cron), timeZone: TimeZone(identifier: zone)!, jitter: jitter),
            nextStart: next)
    }

    static func date(_ text: String) -> Date { RFC3339.parse(text, defaultZone: TimeZone(identifier: "UTC")!)! }

    struct DSTCase: Sendable, CustomTestStringConvertible {
        var zone: String
        var cron: String
        var from: String
        var to: String
        /// (start in UTC, local wall time, dst)
        var fires: [(String, String, String?)]
        var testDescription: String { "\(zone) \(cron) \(from)" }
    }

    @Test(arguments: [
        // New York springs forward at 02:00 on 2026-03-08: 02:30 does not exist, the fire moves to 03:00 EDT.
        DSTCase(
            zone: "America/New_York", cron: "30 2 * * *", from: "2026-03-07T12:00:00Z", to: "2026-03-09T12:00:00Z",
            fires: [
                ("2026-03-08T07:00:00Z", "2026-03-08T03:00:00-04:00", "moved_out_of_gap"),
                ("2026-03-09T06:30:00Z", "2026-03-09T02:30:00-04:00", nil),
            ]),
        // London falls back at 02:00 on 2026-10-25: 01:30 happens twice, the job fires at the first only.
        DSTCase(
            zone: "Europe/London", cron: "30 1 * * *", from: "2026-10-24T12:00:00Z", to: "2026-10-26T12:00:00Z",
            fires: [
                ("2026-10-25T00:30:00Z", "2026-10-25T01:30:00+01:00", "repeated_wall_time"),
                ("2026-10-26T01:30:00Z", "2026-10-26T01:30:00+00:00", nil),
            ]),
    ])
    func fixedTimeFiresFollowTheDSTRules(_ test: DSTCase) throws {
        let plan = UpcomingPlanner.plan(
            [try Self.schedule("a", test.cron, test.zone)], from: Self.date(test.from), to: Self.date(test.to))
        #expect(plan.fires.map { $0.startAt } == test.fires.map { Self.date($0.0) })
        #expect(plan.fires.map(\.local) == test.fires.map(\.1))
        #expect(plan.fires.map(\.dst) == test.fires.map(\.2))
        #expect(plan.fires.allSatisfy { $0.timeZone == test.zone })
        #expect(!plan.truncated)
    }

    @Test(arguments: [
        ("America/New_York", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 23),
        ("Europe/London", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z", 25),
        ("UTC", "2026-10-25T00:00:00Z", "2026-10-26T00:00:00Z", 24),
    ])
    func hourlyFiresOverALocalDayCountItsRealHours(_ zone: String, _ from: String, _ to: String, _ count: Int) throws {
        let plan = UpcomingPlanner.plan(
            [try Self.schedule("h", "0 * * * *", zone)], from: Self.date(from), to: Self.date(to))
        #expect(plan.fires.count == count)
        let gaps = zip(plan.fires.dropFirst(), plan.fires).map { $0.startAt.timeIntervalSince($1.startAt) }
        #expect(gaps.allSatisfy { $0 == 3600 })
    }

    @Test(arguments: [
        (5, 12, 12, true), (2, 100, 6, true), (60, 1000, 180, false),
    ])
    func capsKeepTheEarliestFiresAndSayTheyCut(_ perChannel: Int, _ limit: Int, _ count: Int, _ truncated: Bool) throws
    {
        let schedules = try ["a", "b", "c"].map { try Self.schedule($0, "* * * * *") }
        let from = Self.date("2026-01-01T00:00:30Z")
        let plan = UpcomingPlanner.plan(
            schedules, from: from, to: from.addingTimeInterval(3600), perChannelLimit: perChannel, limit: limit)
        #expect(plan.fires.count == min(count, 3 * perChannel))
        #expect(plan.truncated == truncated)
        #expect(plan.fires.map(\.startAt) == plan.fires.map(\.startAt).sorted())
        #expect(Dictionary(grouping: plan.fires, by: \.accountID).values.allSatisfy { $0.count <= perChannel })
    }

    @Test func tenThousandChannelsGiveABoundedAnswer() throws {
        let schedules = try (0..<10_000).map { try Self.schedule("acc-\($0)", "*/5 * * * *", "Europe/Berlin") }
        let from = Self.date("2026-06-01T00:00:00Z")
        let plan = UpcomingPlanner.plan(schedules, from: from, to: from.addingTimeInterval(86_400))
        #expect(plan.fires.count == UpcomingPlanner.defaultLimit)
        #expect(plan.truncated)
        #expect(plan.channels == 10_000)
        #expect(plan.fires.allSatisfy { $0.startAt == from })
    }

    @Test func jitterDelaysTheStartNotTheIdentity() throws {
        let schedule = try Self.schedule("j", "0 12 * * *", jitter: .seconds(600))
        let offset = schedule.schedule.jitterOffset(for: "j").seconds
        let plan = UpcomingPlanner.plan(
            [schedule], from: Self.date("2026-05-01T00:00:00Z"), to: Self.date("2026-05-02T00:00:00Z"))
        #expect(plan.fires.map(\.scheduledAt) == [Self.date("2026-05-01T12:00:00Z")])
        #expect(plan.fires.map(\.startAt) == [Self.date("2026-05-01T12:00:00Z").addingTimeInterval(offset)])
    }

    @Test func theSchedulersNextStartIsUsedAndFiresBeforeTheWindowAreNot() throws {
        let from = Self.date("2026-05-01T10:00:00Z")
        let hinted = try Self.schedule("h", "0 * * * *", next: Self.date("2026-05-01T13:00:00Z"))
        let stale = try Self.schedule("s", "0 * * * *", next: Self.date("2026-05-01T09:00:00Z"))
        let plan = UpcomingPlanner.plan([hinted, stale], from: from, to: Self.date("2026-05-01T14:30:00Z"))
        #expect(
            plan.fires.filter { $0.accountID == "h" }.map(\.startAt)
                == ["13", "14"].map { Self.date("2026-05-01T\($0):00:00Z") })
        #expect(plan.fires.filter { $0.accountID == "s" }.count == 5)
    }
}
