import Foundation
import ShowrunnerCore
import Testing

/// APScheduler's crontab (0 = Monday, day fields ANDed) to standard cron (0 = Sunday): the translation, and that
/// each translated schedule fires on exactly the instants the old one did.
@Suite struct APSchedulerCronTests {
    @Test(arguments: [
        ("0 9 * * 0", "0 9 * * 1"),  // Monday
        ("0 9 * * 6", "0 9 * * 0"),  // Sunday
        ("0 9 * * 0-4", "0 9 * * 1-5"),  // weekdays
        ("0 9 * * mon-fri", "0 9 * * 1-5"),
        ("30 18 * * sat,sun", "30 18 * * 0,6"),
        ("0 9 * * 5,6", "0 9 * * 0,6"),
        ("0 9 * * */2", "0 9 * * 0-1,3,5"),  // mon, wed, fri, sun
        ("0 9 * * 1-5/2", "0 9 * * 2,4,6"),  // tue, thu, sat
        ("*/15 * * * *", "*/15 * * * *"),
        ("0 */6 1,15 * *", "0 */6 1,15 * *"),
        ("0 9 1-7 * mon", "0 9 * * 1#1"),  // first Monday: APScheduler ANDs the day fields
        ("0 9 15-21 jan-jun 4,6", "0 9 * jan-jun 0#3,5#3"),
        ("0 9 10 * 0-6", "0 9 10 * *"),
    ])
    func translates(_ old: String, _ cron: String) throws {
        #expect(try APSchedulerCron(parsing: old).cron == cron)
    }

    @Test(arguments: [
        "0 9 1-7 * mon", "0 9 * * 0", "0 9 * * */2", "0 9 15-21 jan-jun 4,6", "0 9 * * 0-4", "*/20 8-10 * * sat",
        "0 9 10 * 0-6",
    ])
    func theNewCronFiresWhenTheOldScheduleDid(_ old: String) throws {
        let schedule = try APSchedulerCron(parsing: old)
        let cron = try CronExpression(parsing: schedule.cron)
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let oldFires = schedule.nextFires(after: start, count: 12, in: zone)
        var newFires: [Date] = []
        var at = start
        while newFires.count < 12, let next = cron.nextDate(after: at, in: zone) {
            newFires.append(next)
            at = next
        }
        #expect(oldFires.count == 12)
        #expect(oldFires == newFires)
    }

    @Test(arguments: [
        ("0 9 1,15 * mon", "APScheduler fires when both match"),
        ("0 9 * *", "has 4 fields"),
        ("0 25 * * *", "'25' is not a hour"),
        ("0 9 * * funday", "'funday' is not a day_of_week"),
        ("0 9 L * *", "'L' is not a day"),
    ])
    func refusesWhatItCannotTranslate(_ old: String, _ message: String) {
        #expect(throws: APSchedulerCron.Failure.self) { try APSchedulerCron(parsing: old) }
        do {
            _ = try APSchedulerCron(parsing: old)
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func accountFilesNameTheChannelAndKeepTheOldSchedule() throws {
        let legacy = LegacyAccount(
            id: "7", name: "Cooking Daily!", channelType: "cooking", uploadSchedule: "0 9 * * 0-4",
            ttsProvider: "openai", ttsVoice: "nova", ttsSpeed: 1.1, active: false)
        let item = AccountImport(
            legacy, pipeline: "shorts", timeZone: TimeZone(identifier: "UTC")!, now: Date(timeIntervalSince1970: 0))
        #expect(item.id == "cooking-daily")
        let yaml = try #require(item.yaml)
        #expect(yaml.contains("cron: \"0 9 * * 1-5\""))
        #expect(yaml.contains("enabled: false"))
        #expect(yaml.contains("provider: openai"))
        #expect(!item.firesDiffer)
    }
}
