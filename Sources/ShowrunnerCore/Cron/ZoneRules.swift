import Foundation

/// A time zone's UTC offsets as a table of periods, so the cron engine can look them up without calling ICU.
///
/// Built once per zone from Foundation's transitions between 1900 and 2300; outside that range the nearest
/// period's offset is used.
struct ZoneRules: Sendable {
    /// Start instants (seconds since 1970, UTC) of each period; the first period starts at `Int64.min`.
    let starts: [Int64]
    /// UTC offset in seconds during each period.
    let offsets: [Int64]

    /// By zone identifier (only zones that exist: at most the tz database's few hundred).
    private static let built = BoundedMemo<String, ZoneRules>(limit: 1_000)
    private static let tableStart = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
    private static let tableEnd = Date(timeIntervalSince1970: 10_413_792_000)  // 2300-01-01

    static func rules(for timeZone: TimeZone) -> ZoneRules {
        built.value(for: timeZone.identifier) { _ in ZoneRules(building: timeZone) }
    }

    private init(building timeZone: TimeZone) {
        var starts: [Int64] = [.min]
        var offsets = [Int64(timeZone.secondsFromGMT(for: Self.tableStart))]
        var cursor = Self.tableStart
        while let transition = timeZone.nextDaylightSavingTimeTransition(after: cursor), transition < Self.tableEnd {
            let offset = Int64(timeZone.secondsFromGMT(for: transition))
            if offset != offsets.last {
                starts.append(Int64(transition.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            cursor = transition
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The index of the period that contains `instant`.
    func periodIndex(containing instant: Int64) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The first instant after period `index`, or `Int64.max` for the last one.
    func end(of index: Int) -> Int64 { index + 1 < starts.count ? starts[index + 1] : .max }

    func offset(at instant: Int64) -> Int64 { offsets[periodIndex(containing: instant)] }
}
