import Foundation

/// A UTC calendar day as a day number since 1970-01-01: the unit the statistics count in.
public enum StatsDay {
    public static let milliseconds: Int64 = 86_400_000

    /// The UTC day `date` falls in.
    public static func number(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Midnight UTC at the start of day `number`.
    public static func start(of number: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(number) * 86_400)
    }

    /// `YYYY-MM-DD`.
    public static func text(_ number: Int) -> String {
        let (year, month, day) = CivilCalendar.date(days: Int64(number))
        let pad = { (value: Int, width: Int) in
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
