import Foundation

/// SplitMix64: a tiny deterministic generator, so the differential cases are the same on every run and machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform-enough integer in `range` (modulo bias is irrelevant here; determinism is what matters).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
}

/// One differential case: the next fires of `expression` strictly after `start` (unix seconds) in `zone`.
struct CronCase: Sendable {
    let expression: String
    let zone: String
    let start: Int64
    /// For hand-picked cases: the first fire SPEC §3 requires, as RFC 3339.
    var expectedFirst: String? = nil
}

/// Random valid cron expressions and start times that avoid cronsim's known deviations from SPEC §3.
///
/// Deviations avoided (each would be a cronsim difference, not an engine bug):
/// - cronsim has no macros (`@daily`): never generated.
/// - cronsim applies no DST fix-up to 6-field expressions (it always follows the wall clock, like our wildcard
///   jobs): a 6-field fixed-time expression (minute and hour not starting with `*`) only runs in zones without
///   DST (UTC, Asia/Kolkata, Asia/Tokyo).
/// - `a-a/n` is `{a}` for us but `a`…max step n in cronsim: a stepped range always has `a < b`.
/// - cronsim bug: a fixed-time job whose start lies in the second pass of a repeated (fall-back) hour is read as
///   the first pass, so cronsim can return a fire before the start. Such starts are dropped (`secondPassStarts`).
/// - Australia/Lord_Howe (30-minute shifts) is not used: cronsim steps aware wall times by whole hours and
///   `replace(minute=0)`, which can land inside a 30-minute gap.
/// - Expressions that never fire (rejected by us, `Bad day-of-month` or no fire from cronsim) and horizon
///   differences (cronsim gives up 50 calendar years after the year searched, we after 50 × 365.2425 days) are
///   skipped and counted by the test, which asserts they stay under 5 %. Fields are kept loose (mostly `*`
///   months, few `#5`) so that expressions firing only every few decades are rare.
struct CronCaseGenerator {
    static let dstZones = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney"]
    /// America/Sao_Paulo has had no DST since 2019, so 2020–2035 is steady there; its older history still has DST,
    /// so it is not among `noDSTZones` (which alone may run 6-field fixed-time expressions).
    static let steadyZones = ["UTC", "Asia/Kolkata", "Asia/Tokyo", "America/Sao_Paulo"]
    static let noDSTZones = ["UTC", "Asia/Kolkata", "Asia/Tokyo"]
    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
    static let rangeStart: Int64 = 1_577_836_800  // 2020-01-01T00:00:00Z
    static let rangeEnd: Int64 = 2_082_758_400  // 2036-01-01T00:00:00Z

    var rng: SplitMix64
    private(set) var secondPassStarts = 0

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func cases(_ count: Int) -> [CronCase] {
        (0..<count).map { _ in nextCase() }
    }

    /// One case in five aims at a DST transition; the rest are free-form.
    mutating func nextCase() -> CronCase {
        rng.chance(20) ? transitionCase() : randomCase()
    }

    private mutating func randomCase() -> CronCase {
        let withSeconds = rng.chance(15)
        let fields =
            (withSeconds ? [secondField()] : []) + [minuteField(), hourField(), dayOfMonthField(), monthField()]
            + [dayOfWeekField()]
        let isWildcard = Self.isWildcard(fields)
        let zone =
            withSeconds && !isWildcard
            ? rng.pick(Self.noDSTZones) : rng.pick(rng.chance(60) ? Self.dstZones : Self.steadyZones)
        return make(fields, zone: zone) { generator in generator.randomStart(in: zone) }
    }

    /// Starts 3 hours before to 1 hour after a transition, with an hour field that often holds the skipped or
    /// repeated wall hour; day fields mostly `*` (all transitions of these zones fall on Sundays).
    private mutating func transitionCase() -> CronCase {
        let zoneName = rng.pick(Self.dstZones)
        let zone = TimeZone(identifier: zoneName)!
        let probe = Date(timeIntervalSince1970: Double(rng.int64(Self.rangeStart...Self.rangeEnd - 400 * 86_400)))
        let transition = zone.nextDaylightSavingTimeTransition(after: probe)!
        let instant = Int64(transition.timeIntervalSince1970.rounded(.down))
        let smallerOffset = min(
            zone.secondsFromGMT(for: transition.addingTimeInterval(-1)), zone.secondsFromGMT(for: transition))
        let hour = Int((instant + Int64(smallerOffset)) % 86_400 / 3_600)  // the skipped or repeated wall hour
        let hourField =
            switch rng.int(0...5) {
            case 0: "*"
            case 1, 2: "\(hour)"
            case 3: "\(hour),\(rng.int(0...23))"
            case 4: "\(hour - 1)-\(hour + rng.int(0...1))"  // hour is 1 or 2 in these zones
            default: "*/\(rng.int(1...2))"
            }
        let minute = minuteField()
        let withSeconds = rng.chance(15) && (minute.hasPrefix("*") || hourField.hasPrefix("*"))
        let dayOfWeek = rng.chance(80) ? "*" : rng.pick(["0", "7", "SUN", "sun", "0,3", "SAT-7"])
        let fields =
            (withSeconds ? [secondField()] : []) + [minute, hourField, rng.chance(90) ? "*" : "*/2", "*", dayOfWeek]
        return make(fields, zone: zoneName) { generator in
            generator.aligned(instant + generator.rng.int64(-3 * 3_600...3_600))
        }
    }

    /// Joins the fields and draws a start, redrawing it while a fixed-time job would start in a second pass.
    private mutating func make(
        _ fields: [String], zone: String, start: (inout CronCaseGenerator) -> Int64
    ) -> CronCase {
        let separator = rng.chance(5) ? "\t" : " "
        while true {
            let begin = start(&self)
            if !Self.isWildcard(fields), Self.isInSecondPass(begin, zone: TimeZone(identifier: zone)!) {
                secondPassStarts += 1
                continue
            }
            return CronCase(expression: fields.joined(separator: separator), zone: zone, start: begin)
        }
    }

    /// Minute or hour beginning with `*` (seconds, if present, come first).
    static func isWildcard(_ fields: [String]) -> Bool {
        let offset = fields.count == 6 ? 1 : 0
        return fields[offset].hasPrefix("*") || fields[offset + 1].hasPrefix("*")
    }

    /// True if `start` lies in the second occurrence of a repeated wall-clock hour (after a fall-back).
    static func isInSecondPass(_ start: Int64, zone: TimeZone) -> Bool {
        let probe = Date(timeIntervalSince1970: TimeInterval(start - 7_200))
        guard let transition = zone.nextDaylightSavingTimeTransition(after: probe) else { return false }
        let instant = Int64(transition.timeIntervalSince1970.rounded(.down))
        guard instant <= start else { return false }
        let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
        let after = zone.secondsFromGMT(for: transition)
        return before > after && start < instant + Int64(before - after)
    }

    /// Uniform over 2020–2035, or (often, in DST zones) within 27 hours before to 2 hours after a transition.
    private mutating func randomStart(in zoneName: String) -> Int64 {
        let zone = TimeZone(identifier: zoneName)!
        let start = rng.int64(Self.rangeStart...Self.rangeEnd)
        if Self.dstZones.contains(zoneName), rng.chance(30),
            let transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(start))),
            transition.timeIntervalSince1970 < Double(Self.rangeEnd - 7_200)
        {
            return aligned(Int64(transition.timeIntervalSince1970.rounded(.down)) + rng.int64(-27 * 3_600...2 * 3_600))
        }
        return aligned(start)
    }

    /// Often moves `start` onto a minute or hour boundary, which tests "strictly after".
    private mutating func aligned(_ start: Int64) -> Int64 {
        if rng.chance(25) { return start - start % 60 }
        if rng.chance(10) { return start - start % 3_600 }
        return start
    }

    // MARK: - Fields

    private mutating func secondField() -> String {
        switch rng.int(0...9) {
        case 0...2: "0"
        case 3: "*"
        case 4, 5: "*/\(rng.pick([2, 5, 10, 15, 20, 30, 45, 60, 90]))"
        default: list(0...59, maxItems: 3)
        }
    }

    private mutating func minuteField() -> String {
        switch rng.int(0...9) {
        case 0: "*"
        case 1, 2: "*/\(rng.pick([1, 2, 5, 7, 10, 15, 20, 30, 45, 60, 61]))"
        case 3, 4: "\(rng.pick([0, 0, 15, 30, 45, rng.int(0...59)]))"
        default: list(0...59, maxItems: 3)
        }
    }

    private mutating func hourField() -> String {
        switch rng.int(0...9) {
        case 0: "*"
        case 1: "*/\(rng.pick([1, 2, 3, 4, 5, 6, 8, 12, 24, 25]))"
        case 2, 3, 4: "\(rng.int(0...3))"  // the hours DST transitions touch
        default: list(0...23, maxItems: 3, bias: 0...3)
        }
    }

    private mutating func dayOfMonthField() -> String {
        switch rng.int(0...19) {
        case 0...8: return "*"
        case 9: return "*/\(rng.int(1...32))"
        case 10: return rng.pick(["L", "LW", "l", "lw", "Lw"])
        default:
            var items = [list(1...31, maxItems: 2)]
            if rng.chance(25) { items.insert(rng.pick(["L", "LW"]), at: rng.int(0...1)) }
            return items.joined(separator: ",")
        }
    }

    private mutating func monthField() -> String {
        switch rng.int(0...19) {
        case 0...12: "*"
        case 13: "*/\(rng.int(1...6))"
        default: list(1...12, maxItems: 3, style: .month)
        }
    }

    /// Day of week: numbers 0–7 (0 and 7 = Sunday), names in any case, `nL`, `x#k`, lists, ranges, steps.
    private mutating func dayOfWeekField() -> String {
        if rng.chance(45) { return "*" }
        if rng.chance(10) { return "*/\(rng.int(1...8))" }
        var items: [String] = []
        for _ in 0..<rng.int(1...2) {
            switch rng.int(0...9) {
            case 0, 1: items.append("\(rng.int(0...7))L")
            case 2, 3:
                let day = rng.int(0...7)
                items.append("\(render(day, .weekday))#\(rng.pick([1, 2, 3, 4, 4, 5]))")
            default: items.append(list(0...7, maxItems: 1, style: .weekday))
            }
        }
        return items.joined(separator: ",")
    }

    // MARK: - Items

    enum Style { case number, month, weekday }

    /// A comma list of 1…`maxItems` items: `a`, `a-b` (`a ≤ b`), `a-b/n` (`a < b`: never `a-a/n`), `a/n`.
    private mutating func list(
        _ range: ClosedRange<Int>, maxItems: Int, bias: ClosedRange<Int>? = nil, style: Style = .number
    ) -> String {
        var items: [String] = []
        for _ in 0..<rng.int(1...maxItems) {
            let low = bias.flatMap { rng.chance(50) ? rng.int($0) : nil } ?? rng.int(range)
            var kind = rng.int(0...9)
            if kind >= 7, kind <= 8, low == range.upperBound { kind = 0 }
            switch kind {
            case 0...4: items.append(render(low, style))
            case 5, 6:
                let high = rng.int(low...range.upperBound)
                items.append("\(render(low, style))-\(render(high, style))")
            case 7, 8:
                let high = rng.int(low + 1...range.upperBound)
                let step = rng.int(1...high - low + 2)
                items.append("\(render(low, style))-\(render(high, style))/\(step)")
            default:
                items.append("\(render(low, style))/\(rng.int(1...range.upperBound - low + 2))")
            }
        }
        return items.joined(separator: ",")
    }

    /// A value as a number or, for months and days 0–6, often as a name in random case.
    private mutating func render(_ value: Int, _ style: Style) -> String {
        switch style {
        case .month where rng.chance(50): randomCase(Self.monthNames[value - 1])
        case .weekday where value < 7 && rng.chance(50): randomCase(Self.dayNames[value])
        default: "\(value)"
        }
    }

    private mutating func randomCase(_ name: String) -> String {
        switch rng.int(0...3) {
        case 0: name
        case 1: name.lowercased()
        case 2: String(name.prefix(1)) + name.dropFirst().lowercased()
        default: String(name.map { rng.chance(50) ? Character($0.lowercased()) : $0 })
        }
    }
}
