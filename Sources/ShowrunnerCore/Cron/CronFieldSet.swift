/// The values one cron field matches: a bit per value plus the day-field extensions (`L`, `LW`, `nL`, `x#k`).
struct CronFieldSet: Sendable, Hashable {
    var bits: UInt64 = 0
    /// Day-of-month `L`.
    var lastDayOfMonth = false
    /// Day-of-month `LW`.
    var lastWeekdayOfMonth = false
    /// Day-of-week `nL`: bit n set means "the last n-day of the month".
    var lastWeekdays: UInt64 = 0
    /// Day-of-week `x#k`: bit `x * 8 + k` set means "the k-th x-day of the month".
    var nthWeekdays: UInt64 = 0

    mutating func insert(_ value: Int) { bits |= 1 << UInt64(value) }

    func contains(_ value: Int) -> Bool { value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0 }

    /// The smallest member that is at least `value`, if any.
    func next(atLeast value: Int) -> Int? {
        guard value < 64 else { return nil }
        let masked = bits & (~0 << UInt64(max(value, 0)))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }

    var isEmpty: Bool { bits == 0 && !lastDayOfMonth && !lastWeekdayOfMonth && lastWeekdays == 0 && nthWeekdays == 0 }

    var members: [Int] { (0..<64).filter(contains) }
}
