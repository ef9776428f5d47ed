import Foundation
import Testing

@testable import ShowrunnerCore

struct CronSyntaxTests {
    @Test(arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("* * * *", "Expected 5 fields"),
        ("* * * * * * *", "found 7"),
        ("60 * * * *", "minute value 60 is out of range 0–59."),
        ("99999999999999999999 * * * *", "minute value 99999999999999999999 is out of range 0–59."),
        ("0 0 99999999999999999999 * *", "day-of-month value 99999999999999999999 is out of range 1–31."),
        ("*/99999999999999999999 * * * *", "step must be a whole number of at least 1"),
        ("* * 32 * *", "day-of-month value 32 is out of range 1–31."),
        ("* * 0 * *", "day-of-month value 0 is out of range 1–31."),
        ("* 24 * * *", "hour value 24 is out of range 0–23."),
        ("* * * 13 *", "month value 13 is out of range 1–12."),
        ("* * * * 8", "day-of-week value 8 is out of range 0–7."),
        ("0 0 * * FRI-MON", "write 'FRI-SAT,SUN-MON' to wrap around, or 'MON-FRI'"),
        ("0 22-2 * * *", "write '22-23,0-2' to wrap around"),
        ("0 0 * NOV-FEB *", "write 'NOV-DEC,JAN-FEB'"),
        ("0 0 * * MONN", "Unknown day name 'MONN' in day-of-week; did you mean 'MON'?"),
        ("0 0 * JANN *", "did you mean 'JAN'?"),
        ("0 0 * * JAN", "'JAN' is a month name"),
        ("0 0 * MON *", "'MON' is a day name"),
        ("MON 0 * * *", "'MON' is a day name"),
        ("*/0 * * * *", "at least 1"),
        ("1-5/ * * * *", "the step after '/' must be a number"),
        ("0 0 * * 1-", "missing a value"),
        ("1,,2 * * * *", "empty list item"),
        ("1, * * * *", "empty list item"),
        ("0 0 ? * *", "'?' is not supported"),
        ("H * * * *", "'H' (hashed values) is not supported"),
        ("0 0 15W * *", "nearest weekday"),
        ("0 0 L-3 * *", "days before the last"),
        ("L * * * *", "'L' is only allowed"),
        ("0 0 * * L", "'L' is only allowed"),
        ("0 0 1#2 * *", "'#' is only allowed in day-of-week"),
        ("0 0 * * FRI#6", "the occurrence after '#' must be 1–5"),
        ("0 0 * * FRI#0", "the occurrence after '#' must be 1–5"),
        ("0 0 * * 8L", "out of range"),
        ("@DAILY", "Macros are lowercase: write '@daily'."),
        ("@reboot", "'@reboot' is not supported"),
        ("@every 5m", "Unknown macro '@every 5m'"),
        ("@dayly", "did you mean '@daily'?"),
        ("0 0 30 2 *", "can never fire"),
        ("0 0 31 4,6,9,11 *", "can never fire"),
        ("0 0 30 2 */7", "can never fire"),
        ("0 9 * * MON–FRI", "U+2013"),
        ("0 9 * * MON\u{00A0}", "U+A0"),
        ("0\n9 * * *", "U+A"),
        ("0 9 * * * 2026", "'2026' looks like a year, but cron has no year field: the 6-field form is seconds first"),
        ("0 9 * * 1.5", "not valid in day-of-week"),
        ("0 9 * * ~", "'~' (random values)"),
    ])
    func rejects(_ expression: String, _ message: String) {
        #expect {
            try CronExpression(parsing: expression)
        } throws: { error in
            (error as? CronSyntaxError)?.message.contains(message) == true
        }
    }

    @Test func errorsNameTheFieldAndTheToken() {
        #expect {
            try CronExpression(parsing: "0 0 32 * *")
        } throws: { error in
            let error = error as? CronSyntaxError
            return error?.field == .dayOfMonth && error?.token == "32"
        }
    }

    /// Fields are remembered by field and text: a text read once is read by the rules of the field it is in, and
    /// its error is the same every time.
    @Test func aRememberedFieldIsReadAsItsOwnFieldEveryTime() throws {
        _ = try CronExpression(parsing: "0 9 * * MON-FRI")
        for _ in 0..<2 {
            #expect {
                try CronExpression(parsing: "0 9 * MON-FRI *")
            } throws: { error in
                let error = error as? CronSyntaxError
                return error?.field == .month && error?.message.contains("'MON' is a day name") == true
            }
        }
        // `1-7` is seven minutes in one field and every day of the week (7 is Sunday) in the other.
        let utc = TimeZone(identifier: "UTC")!
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        func fires(_ text: String) throws -> [Date] {
            try CronExpression(parsing: text).fires(after: start, in: utc, count: 8).map(\.date)
        }
        let minutes = (1...7).map { start.addingTimeInterval(Double($0) * 60) }
        #expect(try fires("1-7 0 * * *") == minutes + [start.addingTimeInterval(86_460)])
        #expect(try fires("0 0 * * 1-7") == fires("0 0 * * *"))
    }

    @Test(arguments: [
        "0 9 * * MON-FRI", "\t0\t9 * *  mon-fri  ", "0 0 L * *", "0 0 LW * *", "0 0 1,L * *", "0 0 * * 5L",
        "0 0 * * fri#3", "*/5 * * * * *", "0 0 1-31/2 * *", "0 0 * jan-dec/3 *", "0 0 * * 0-7", "0 0 * * 6/1",
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "0 0 29 2 *",
    ])
    func accepts(_ expression: String) throws {
        _ = try CronExpression(parsing: expression)
    }

    @Test(arguments: [
        ("0 9 * * MON-FRI", "at 09:00 on Monday through Friday"),
        ("*/15 * * * *", "every 15 minutes"),
        ("30 2 * * *", "at 02:30 every day"),
        ("0 8,20 * * *", "at 08:00 and 20:00 every day"),
        ("0 0 1 * *", "at 00:00 on day 1 of the month"),
        ("0 0 L * *", "at 00:00 on the last day of the month"),
        ("0 0 * * 5L", "at 00:00 on the last Friday of the month"),
        ("0 12 * * FRI#3", "at 12:00 on the third Friday of the month"),
        ("0 0 1 * MON", "at 00:00 on day 1 of the month and on Monday"),
        ("0 9 * 1,7 *", "at 09:00 every day in January and July"),
        ("5 * * * *", "every hour at :05"),
        ("*/10 * * * * *", "every 10 seconds"),
    ])
    func summary(_ expression: String, _ expected: String) throws {
        #expect(try CronExpression(parsing: expression).summary == expected)
    }
}
