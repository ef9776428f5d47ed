import Foundation

/// A calendar day in America/Los_Angeles: the day YouTube's daily quota belongs to (it resets at midnight Pacific
/// time, whatever the account's own time zone).
public struct PacificDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let timeZone = TimeZone(identifier: "America/Los_Angeles")!

    public let year: Int
    public let month: Int
    public let day: Int

    /// The Pacific day that `date` falls in.
    public init(containing date: Date) {
        let instant = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset = ZoneRules.rules(for: Self.timeZone).offset(at: instant)
        let (days, _) = CivilCalendar.split(instant + offset)
        (year, month, day) = CivilCalendar.date(days: days)
    }

    /// Nil unless `text` is a real date `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let pad = { (value: Int, width: Int) in
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Midnight Pacific time at the start of the day.
    public var start: Date { Self.midnight(days: dayNumber) }

    /// Midnight Pacific time at the end of the day: when the quota resets.
    public var end: Date { Self.midnight(days: dayNumber + 1) }

    /// The following day.
    public var next: PacificDay { PacificDay(containing: end) }

    /// How long from `date` until this day's quota resets (zero once it has).
    public func timeUntilReset(from date: Date) -> Duration {
        let milliseconds = max(0, (end.timeIntervalSince(date) * 1000).rounded(.up))
        return .milliseconds(Int64(milliseconds))
    }

    public static func < (lhs: PacificDay, rhs: PacificDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    private var dayNumber: Int64 { CivilCalendar.days(year: year, month: month, day: day) }

    private static func midnight(days: Int64) -> Date {
        Date(
            timeIntervalSince1970: TimeInterval(
                RFC3339.instant(ofWall: days * CivilCalendar.secondsPerDay, in: timeZone)))
    }
}
