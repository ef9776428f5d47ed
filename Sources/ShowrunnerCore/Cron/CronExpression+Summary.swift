/// "Schedule in words" for `validate`: `at 09:00 on Monday through Friday`.
extension CronExpression {
    static let dayWords = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthWords = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let ordinals = ["first", "second", "third", "fourth", "fifth"]

    public var summary: String {
        let time = timePhrase
        let day = dayPhrase == "every day" && time.hasPrefix("every") ? "" : dayPhrase
        return [time, day, monthPhrase].filter { !$0.isEmpty }.joined(separator: " ")
    }

    private var timePhrase: String {
        let (secondField, minuteField, hourField) = (fields[0], fields[1], fields[2])
        let secondsText = secondField == "0" ? "" : ":\(Self.list(seconds.members.map { Self.two($0) }))"
        let everyUnit = { (field: String, unit: String) -> String? in
            if field == "*" { return "every \(unit)" }
            if field.hasPrefix("*/"), let step = Int(field.dropFirst(2)) { return "every \(step) \(unit)s" }
            return nil
        }
        if secondField != "0", let every = everyUnit(secondField, "second"), minuteField == "*", hourField == "*" {
            return every
        }
        if hourField == "*" || hourField.hasPrefix("*/"), let every = everyUnit(minuteField, "minute") {
            return hourField == "*" ? every : "\(every) of \(everyUnit(hourField, "hour")!)"
        }
        let hourList = hours.members
        let minuteList = minutes.members
        if hourField == "*" || hourField.hasPrefix("*/") {
            let at = "at :\(Self.list(minuteList.map { Self.two($0) }))\(secondsText)"
            return "\(everyUnit(hourField, "hour")!) \(at)"
        }
        if hourList.count * minuteList.count <= 6 {
            let times = hourList.flatMap { h in minuteList.map { "\(Self.two(h)):\(Self.two($0))\(secondsText)" } }
            return "at \(Self.list(times))"
        }
        return "at minute \(Self.runs(minuteList, Self.two)) past hour \(Self.runs(hourList, Self.two))"
    }

    private var dayPhrase: String {
        let domAll = fields[3] == "*"
        let dowAll = fields[5] == "*"
        switch (domAll, dowAll) {
        case (true, true): return "every day"
        case (true, false) where daysMustMatchBoth: return "on \(weekdayPhrase)"
        case (false, true): return "on \(monthDayPhrase)"
        default:
            return daysMustMatchBoth
                ? "on \(monthDayPhrase) when it is \(weekdayPhrase)" : "on \(monthDayPhrase) and on \(weekdayPhrase)"
        }
    }

    private var monthDayPhrase: String {
        var parts: [String] = []
        let days = daysOfMonth.members
        if !days.isEmpty {
            parts.append((days.count == 1 ? "day " : "days ") + Self.runs(days, String.init) + " of the month")
        }
        if daysOfMonth.lastDayOfMonth { parts.append("the last day of the month") }
        if daysOfMonth.lastWeekdayOfMonth { parts.append("the last weekday of the month") }
        return Self.list(parts, conjunction: "or")
    }

    private var weekdayPhrase: String {
        var parts: [String] = []
        let days = daysOfWeek.members
        if !days.isEmpty { parts.append(Self.runs(days) { Self.dayWords[$0] }) }
        for day in 0..<7 where daysOfWeek.lastWeekdays & (1 << UInt64(day)) != 0 {
            parts.append("the last \(Self.dayWords[day]) of the month")
        }
        for day in 0..<7 {
            for k in 1...5 where daysOfWeek.nthWeekdays & (1 << UInt64(day * 8 + k)) != 0 {
                parts.append("the \(Self.ordinals[k - 1]) \(Self.dayWords[day]) of the month")
            }
        }
        return Self.list(parts, conjunction: "or")
    }

    private var monthPhrase: String {
        fields[4] == "*" ? "" : "in " + Self.runs(months.members) { Self.monthWords[$0 - 1] }
    }

    /// Values with runs of three or more written as ranges: `1 through 5, 7 and 9`.
    static func runs(_ values: [Int], _ name: (Int) -> String) -> String {
        var parts: [String] = []
        var index = 0
        while index < values.count {
            var end = index
            while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(name(values[index])) through \(name(values[end]))")
            } else {
                parts.append(contentsOf: values[index...end].map(name))
            }
            index = end + 1
        }
        return list(parts)
    }

    static func list(_ items: [String], conjunction: String = "and") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
