import Foundation

extension CronExpression {
    /// The first fire strictly after `date` in `timeZone` (SPEC §3 DST rules), or nil if none within 50 years.
    ///
    /// Walks the zone's constant-offset periods in order. Within a period wall time is monotonic, so the first
    /// wall-clock match in it is the earliest fire there. Fixed-time jobs also fire once at the start of a period
    /// that follows a gap containing a match, and skip wall times already seen in the previous period.
    public func nextFire(after date: Date, in timeZone: TimeZone) -> CronFire? {
        nextFire(after: date, rules: ZoneRules.rules(for: timeZone))
    }

    /// `nextFire` with the zone's rules looked up already (`fires` asks for many in one zone).
    private func nextFire(after date: Date, rules: ZoneRules) -> CronFire? {
        let after = Int64(date.timeIntervalSince1970.rounded(.down))
        let horizon = after + Self.horizonSeconds
        var index = rules.periodIndex(containing: after)
        while true {
            if let fire = fire(inPeriod: index, of: rules, after: after, horizon: horizon) { return fire }
            if rules.end(of: index) > horizon { return nil }
            index += 1
        }
    }

    private func fire(inPeriod index: Int, of rules: ZoneRules, after: Int64, horizon: Int64) -> CronFire? {
        let start = rules.starts[index]
        let end = rules.end(of: index)
        let offset = rules.offsets[index]
        let previousOffset = index > 0 ? rules.offsets[index - 1] : offset
        if !isWildcardJob, previousOffset < offset, start > after,
            firstWallTime(from: start + previousOffset, before: start + offset) != nil
        {
            return CronFire(date: Self.date(start), adjustment: .movedOutOfGap)
        }
        var lowerWall = max(after + 1, start) + offset
        if !isWildcardJob, previousOffset > offset { lowerWall = max(lowerWall, start + previousOffset) }
        let upperWall = min(end, horizon + 1) + offset
        guard lowerWall < upperWall, let wall = firstWallTime(from: lowerWall, before: upperWall) else { return nil }
        let nextOffset = index + 1 < rules.offsets.count ? rules.offsets[index + 1] : offset
        let repeated =
            (previousOffset > offset && wall < start + previousOffset)
            || (nextOffset < offset && end != .max && wall >= end + nextOffset)
        return CronFire(date: Self.date(wall - offset), adjustment: repeated ? .repeatedWallTime : .none)
    }

    private static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// How many fires come after `date` up to and including `end`, counting no further than `atMost`.
    public func fireCount(after date: Date, through end: Date, in timeZone: TimeZone, atMost: Int) -> Int {
        let rules = ZoneRules.rules(for: timeZone)
        var count = 0
        var cursor = date
        while count < atMost, let fire = nextFire(after: cursor, rules: rules), fire.date <= end {
            count += 1
            cursor = fire.date
        }
        return count
    }

    /// The next `count` fires strictly after `date`.
    public func fires(after date: Date, in timeZone: TimeZone, count: Int) -> [CronFire] {
        var result: [CronFire] = []
        var cursor = date
        let rules = ZoneRules.rules(for: timeZone)
        while result.count < count, let fire = nextFire(after: cursor, rules: rules) {
            result.append(fire)
            cursor = fire.date
        }
        return result
    }
}
