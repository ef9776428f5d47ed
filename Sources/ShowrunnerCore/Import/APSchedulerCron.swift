import Foundation

/// A crontab string as APScheduler's `CronTrigger.from_crontab` reads it: five fields, day-of-week 0 = Monday
/// (names mon…sun), and a day must match the day-of-month **and** the day-of-week field. `cron` is the same
/// schedule in standard cron (0 = Sunday; cronie's day rule: either day field when both are restricted).
public struct APSchedulerCron: Sendable, Equatable {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    static let ranges = [0...59, 0...23, 1...31, 1...12, 0...6]
    static let fieldNames = ["minute", "hour", "day", "month", "day_of_week"]
    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public let source: String
    /// minute, hour, day, month and day-of-week (APScheduler's numbering) as sets of values.
    let sets: [Set<Int>]
    let restricted: [Bool]
    /// The standard cron expression that fires on the same instants.
    public let cron: String

    public init(parsing text: String) throws(Failure) {
        source = text
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw Failure(description: "'\(text)' has \(fields.count) fields; APScheduler's crontab has 5.")
        }
        var sets: [Set<Int>] = []
        for index in 0..<5 { sets.append(try Self.parse(fields[index], field: index)) }
        self.sets = sets
        restricted = fields.map { $0 != "*" && $0 != "?" }
        cron = try Self.translate(fields, sets: sets, restricted: restricted)
    }

    /// The next `count` fires after `date` as APScheduler computes them (wall clock in `timeZone`).
    public func nextFires(after date: Date, count: Int, in timeZone: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var fires: [Date] = []
        var day = calendar.startOfDay(for: date)
        for _ in 0..<(366 * 30) where fires.count < count {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let weekday = (parts.weekday! + 5) % 7  // Foundation: 1 = Sunday; APScheduler: 0 = Monday
            if sets[3].contains(parts.month!), sets[2].contains(parts.day!), sets[4].contains(weekday) {
                for hour in sets[1].sorted() {
                    for minute in sets[0].sorted() where fires.count < count {
                        var wall = parts
                        (wall.hour, wall.minute, wall.second) = (hour, minute, 0)
                        if let fire = calendar.date(from: wall), fire > date { fires.append(fire) }
                    }
                }
            }
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return fires
    }

    static func parse(_ field: String, field index: Int) throws(Failure) -> Set<Int> {
        let range = ranges[index]
        var values: Set<Int> = []
        for part in field.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count) else { throw failure(field, index) }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { throw failure(field, index) }
            let bounds: ClosedRange<Int>
            if pieces[0] == "*" || pieces[0] == "?" {
                bounds = range
            } else {
                let ends = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(ends.count), let low = value(ends[0], index),
                    let high = ends.count == 2 ? value(ends[1], index) : (pieces.count == 2 ? range.upperBound : low),
                    range.contains(low), range.contains(high), low <= high
                else { throw failure(field, index) }
                bounds = low...high
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }

    private static func value(_ text: Substring, _ index: Int) -> Int? {
        if let number = Int(text) { return number }
        if index == 4, let day = weekdayNames.firstIndex(of: String(text)) { return day }
        if index == 3, let month = monthNames.firstIndex(of: String(text)) { return month + 1 }
        return nil
    }

    private static func failure(_ field: String, _ index: Int) -> Failure {
        Failure(
            description: "'\(field)' is not a \(fieldNames[index]) APScheduler understands here "
                + "(numbers, names, a-b, */n, a-b/n, lists; \(ranges[index].lowerBound)-\(ranges[index].upperBound)).")
    }

    /// Minute to month keep their text (same meaning in both); the weekdays are renumbered; a day-of-month and
    /// day-of-week pair becomes `DOW#k` when the days are one week of the month, else it cannot be said in cron.
    static func translate(_ fields: [String], sets: [Set<Int>], restricted: [Bool]) throws(Failure) -> String {
        let weekdays = Set(sets[4].map { ($0 + 1) % 7 })  // 0 = Monday → 1; 6 = Sunday → 0
        let allWeekdays = weekdays.count == 7
        let monthFields = fields[0..<4].map { $0.replacingOccurrences(of: "?", with: "*") }
        guard restricted[2], !allWeekdays else {
            return (monthFields + [allWeekdays ? "*" : compress(weekdays)]).joined(separator: " ")
        }
        let week = sets[2].sorted()
        guard week.count == 7, week.first! % 7 == 1, week.last! - week.first! == 6 else {
            throw Failure(
                description: "day '\(fields[2])' with day_of_week '\(fields[4])': APScheduler fires when both "
                    + "match, cron when either does; only one week of the month (1-7, 8-14, 15-21, 22-28) with "
                    + "weekdays can be translated (as DOW#k). Write this schedule by hand.")
        }
        let nth = week.first! / 7 + 1
        let days = weekdays.sorted().map { "\($0)#\(nth)" }.joined(separator: ",")
        return (monthFields[0..<2] + ["*", monthFields[3], days]).joined(separator: " ")
    }

    /// `1,2,3,5` → `1-3,5`.
    static func compress(_ values: Set<Int>) -> String {
        var parts: [String] = []
        var sorted = values.sorted()[...]
        while let start = sorted.first {
            var end = start
            while sorted.dropFirst(end - start + 1).first == end + 1 { end += 1 }
            parts.append(start == end ? "\(start)" : "\(start)-\(end)")
            sorted = sorted.dropFirst(end - start + 1)
        }
        return parts.joined(separator: ",")
    }
}
