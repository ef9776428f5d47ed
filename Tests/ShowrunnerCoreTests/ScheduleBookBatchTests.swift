import Foundation
import Testing

@testable import ShowrunnerCore

/// Start-up sets thousands of accounts at once: the batch gives the same timetable as one account at a time, and a
/// cron expression is one shared reference that compares by its text.
struct ScheduleBookBatchTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func setting(_ index: Int, cron: String) throws -> ScheduleBook.Setting {
        var schedule = Schedule(cron: try CronExpression.cached(parsing: cron))
        schedule.jitter = .seconds(index % 7 * 60)
        return ScheduleBook.Setting(
            accountID: "acct-\(index)", schedule: schedule, after: start.addingTimeInterval(Double(index % 5) * 3600))
    }

    static func drain(_ book: inout ScheduleBook, hours: Int) -> [String] {
        (1...hours).flatMap { hour in
            book.takeDue(at: start.addingTimeInterval(Double(hour) * 3600)).map {
                "\($0.accountID)@\($0.startAt.timeIntervalSince1970)"
            }
        }
    }

    @Test(arguments: [0, 1, 2, 50, 500])
    func aBatchGivesTheTimetableOfOneAccountAtATime(count: Int) throws {
        let crons = ["0 * * * *", "*/15 * * * *", "30 9 * * *", "0 0 * * 1", "5 4 * * *"]
        let settings = try (0..<count).map { try Self.setting($0, cron: crons[$0 % crons.count]) }
        var single = ScheduleBook()
        var batch = ScheduleBook()
        for item in settings.prefix(count / 2) {  // some accounts already there: the batch replaces them
            single.set(item.accountID, schedule: item.schedule, after: Self.start)
            batch.set(item.accountID, schedule: item.schedule, after: Self.start)
        }
        for item in settings {
            single.set(item.accountID, schedule: item.schedule, after: item.after)
        }
        batch.set(settings)
        #expect(batch.nextStart == single.nextStart)
        #expect(Set(batch.entries.keys) == Set(single.entries.keys))
        #expect(Self.drain(&batch, hours: 30) == Self.drain(&single, hours: 30))
    }

    @Test func aCronExpressionIsSharedAndEqualsByItsText() throws {
        let cached = try CronExpression.cached(parsing: "0 9 * * 1-5")
        let again = try CronExpression.cached(parsing: "0 9 * * 1-5")
        let parsed = try CronExpression(parsing: "0 9 * * 1-5")
        #expect(cached.storage === again.storage)
        #expect(cached == parsed && cached.hashValue == parsed.hashValue)
        #expect(cached != (try CronExpression(parsing: "0 9 * * MON-FRI")))
        #expect(MemoryLayout<Schedule>.size < 100)
        let monday = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(
            cached.nextDate(after: monday, in: TimeZone(identifier: "UTC")!)
                == parsed.nextDate(after: monday, in: TimeZone(identifier: "UTC")!))
    }
}
