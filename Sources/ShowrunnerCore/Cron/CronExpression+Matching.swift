extension CronExpression {
    /// The first wall-clock second in `lower..<upper` that matches every field, if any.
    func firstWallTime(from lower: Int64, before upper: Int64) -> Int64? {
        let (startDays, secondOfDay) = CivilCalendar.split(lower)
        var (year, month, day) = CivilCalendar.date(days: startDays)
        var (hour, minute, second) = (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
        while true {
            let current = CivilCalendar.seconds(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            if current >= upper { return nil }
            guard months.contains(month) else {
                if let next = months.next(atLeast: month + 1) {
                    month = next
                } else {
                    (year, month) = (year + 1, months.next(atLeast: 1)!)
                }
                (day, hour, minute, second) = (1, 0, 0, 0)
                continue
            }
            guard let matchingDay = firstMatchingDay(year: year, month: month, from: day) else {
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
                (day, hour, minute, second) = (1, 0, 0, 0)
                continue
            }
            if matchingDay != day { (day, hour, minute, second) = (matchingDay, 0, 0, 0) }
            guard let nextHour = hours.next(atLeast: hour) else {
                (day, hour, minute, second) = (day + 1, 0, 0, 0)
                continue
            }
            if nextHour != hour { (hour, minute, second) = (nextHour, 0, 0) }
            guard let nextMinute = minutes.next(atLeast: minute) else {
                (hour, minute, second) = (hour + 1, 0, 0)
                continue
            }
            if nextMinute != minute { (minute, second) = (nextMinute, 0) }
            guard let nextSecond = seconds.next(atLeast: second) else {
                (minute, second) = (minute + 1, 0)
                continue
            }
            let result = CivilCalendar.seconds(
                year: year, month: month, day: day, hour: hour, minute: minute, second: nextSecond)
            return result < upper ? result : nil
        }
    }

    private func firstMatchingDay(year: Int, month: Int, from day: Int) -> Int? {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        guard day <= length else { return nil }
        var weekday = CivilCalendar.weekday(days: CivilCalendar.days(year: year, month: month, day: day))
        for candidate in day...length {
            if matchesDay(year: year, month: month, day: candidate, weekday: weekday, length: length) {
                return candidate
            }
            weekday = weekday == 6 ? 0 : weekday + 1
        }
        return nil
    }

    private func matchesDay(year: Int, month: Int, day: Int, weekday: Int, length: Int) -> Bool {
        let dayOfMonth =
            daysOfMonth.contains(day)
            || (daysOfMonth.lastDayOfMonth && day == length)
            || (daysOfMonth.lastWeekdayOfMonth && day == Self.lastWeekday(year: year, month: month, length: length))
        if daysMustMatchBoth && !dayOfMonth { return false }
        if !daysMustMatchBoth && dayOfMonth { return true }
        return daysOfWeek.contains(weekday)
            || (daysOfWeek.lastWeekdays & (1 << UInt64(weekday)) != 0 && day + 7 > length)
            || (daysOfWeek.nthWeekdays & (1 << UInt64(weekday * 8 + (day + 6) / 7)) != 0)
    }

    /// The last Monday-to-Friday day of a month.
    static func lastWeekday(year: Int, month: Int, length: Int) -> Int {
        let weekday = CivilCalendar.weekday(days: CivilCalendar.days(year: year, month: month, day: length))
        return weekday == 0 ? length - 2 : weekday == 6 ? length - 1 : length
    }
}
