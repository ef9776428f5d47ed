import Foundation

/// RFC 3339 timestamps with a zone's UTC offset (`2026-03-08T03:00:00-04:00`), formatted and parsed without ICU.
public enum RFC3339 {
    /// `date` as wall-clock time in `timeZone` with its offset; whole seconds, `Z` never used. Written as bytes
    /// (`validate` formats a week of fires for each of 10,000 accounts).
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let instant = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset = ZoneRules.rules(for: timeZone).offset(at: instant)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        appendWallTime(instant + offset, to: &bytes)
        let offsetMinutes = Int(abs(offset) / 60)
        bytes.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        appendDigits(offsetMinutes / 60, width: 2, then: ":", to: &bytes)
        appendDigits(offsetMinutes % 60, width: 2, then: nil, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` in UTC as `2026-12-07T04:20:00Z` (whole seconds, as the API's JSON writes dates) to `bytes`,
    /// with no `String` in between: the job listing writes 10,000 of them.
    public static func appendUTC(_ date: Date, to bytes: inout [UInt8]) {
        appendWallTime(Int64(date.timeIntervalSince1970.rounded(.down)), to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DDTHH:MM:SS` of a wall-clock time given in seconds since 1970-01-01T00:00.
    private static func appendWallTime(_ wall: Int64, to bytes: inout [UInt8]) {
        let (days, secondOfDay) = CivilCalendar.split(wall)
        let (year, month, day) = CivilCalendar.date(days: days)
        if (0...9999).contains(year) {
            appendDigits(year, width: 4, then: "-", to: &bytes)
        } else {  // a date a jitter of millions of years reaches: every digit, as before
            bytes.append(contentsOf: "\(year)-".utf8)
        }
        appendDigits(month, width: 2, then: "-", to: &bytes)
        appendDigits(day, width: 2, then: "T", to: &bytes)
        appendDigits(secondOfDay / 3600, width: 2, then: ":", to: &bytes)
        appendDigits(secondOfDay % 3600 / 60, width: 2, then: ":", to: &bytes)
        appendDigits(secondOfDay % 60, width: 2, then: nil, to: &bytes)
    }

    /// `value`'s last `width` decimal digits, zero-padded, then `separator`.
    private static func appendDigits(
        _ value: Int, width: Int, then separator: Unicode.Scalar?, to bytes: inout [UInt8]
    ) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
        if let separator { bytes.append(UInt8(ascii: separator)) }
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`, or nothing (then the wall time is read in
    /// `timeZone`; a time in a DST gap moves forward, a repeated time means its first occurrence). A date alone
    /// means its midnight.
    public static func parse(_ text: String, defaultZone timeZone: TimeZone) -> Date? {
        let scanner = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scanner.count else { return nil }
            var value = 0
            for byte in scanner[start..<start + length] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), scanner.count >= 10, scanner[4] == 45, let month = number(5, 2),
            scanner[7] == 45, let day = number(8, 2), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var index = 10
        var (hour, minute, second) = (0, 0, 0)
        if index < scanner.count, scanner[index] == 84 || scanner[index] == 116 || scanner[index] == 32 {
            guard let h = number(11, 2), scanner.count > 13, scanner[13] == 58, let m = number(14, 2), h < 24, m < 60
            else { return nil }
            (hour, minute, index) = (h, m, 16)
            if index < scanner.count, scanner[index] == 58 {
                guard let s = number(17, 2), s < 60 else { return nil }
                (second, index) = (s, 19)
            }
            if index < scanner.count, scanner[index] == 46 {
                index += 1
                while index < scanner.count, (48...57).contains(scanner[index]) { index += 1 }
            }
        }
        let wall = CivilCalendar.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let rest = String(decoding: scanner[index...], as: UTF8.self)
        if rest.isEmpty { return Date(timeIntervalSince1970: TimeInterval(instant(ofWall: wall, in: timeZone))) }
        if rest == "Z" || rest == "z" { return Date(timeIntervalSince1970: TimeInterval(wall)) }
        let offsetBytes = Array(rest.utf8)
        guard offsetBytes.count == 6, offsetBytes[0] == 43 || offsetBytes[0] == 45, offsetBytes[3] == 58,
            let oh = Int(rest.dropFirst().prefix(2)), let om = Int(rest.suffix(2)), oh < 24, om < 60
        else { return nil }
        let offset = Int64((oh * 60 + om) * 60) * (offsetBytes[0] == 45 ? -1 : 1)
        return Date(timeIntervalSince1970: TimeInterval(wall - offset))
    }

    /// The instant a wall-clock time denotes in `timeZone`: the first occurrence, or just after a gap.
    static func instant(ofWall wall: Int64, in timeZone: TimeZone) -> Int64 {
        let rules = ZoneRules.rules(for: timeZone)
        for index in rules.starts.indices {
            let candidate = wall - rules.offsets[index]
            if candidate >= rules.starts[index], candidate < rules.end(of: index) { return candidate }
            if candidate < rules.starts[index] { return rules.starts[index] }
        }
        return wall - (rules.offsets.last ?? 0)
    }
}
