import Foundation
import ShowrunnerCore

/// Dates as the dashboard shows them: in the channel's zone, with a relative time ("in 3 h", "5 min ago") that the
/// page's script keeps current from the `datetime` attribute.
enum TimeText {
    static let utc = TimeZone(identifier: "UTC")!
    /// Zones by identifier and abbreviations by zone and offset: a page shows hundreds of dates in a few zones, and
    /// Foundation's lookups cost far more than the formatting (`RFC3339`, on the cron code's zone rules).
    private static let zones = BoundedMemo<String, TimeZone>(limit: 1_000)
    private static let abbreviations = BoundedMemo<ZoneOffset, String>(limit: 10_000)

    /// A `<time>` element; nil date renders as a dash.
    static func html(_ date: Date?, zone: String?, now: Date) -> HTML {
        guard let date else { return "<span class=\"muted\">—</span>" }
        let iso = RFC3339.format(date, in: utc)
        return "<time datetime=\"\(iso)\" title=\"\(iso)\">\(absolute(date, zone: zone)) "
            + "<span class=\"rel\">\(relative(date, now: now))</span></time>"
    }

    /// `2026-12-06 14:05 CET` in `zone` (UTC when unknown).
    static func absolute(_ date: Date, zone: String?) -> String {
        let timeZone = zone.map(timeZone(named:)) ?? utc
        // 2026-12-06T14:05:00+01:00, cut as bytes (a Character view costs more than the formatting).
        var bytes = Array(RFC3339.format(date, in: timeZone).utf8)
        guard bytes.count >= 25 else { return String(decoding: bytes, as: UTF8.self) }
        let key = ZoneOffset(identifier: timeZone.identifier, offset: String(decoding: bytes[19...], as: UTF8.self))
        let abbreviation = abbreviations.value(for: key) { _ in
            timeZone.abbreviation(for: date) ?? timeZone.identifier
        }
        bytes[10] = 0x20
        bytes.removeSubrange(16...)
        bytes.append(0x20)
        return String(decoding: bytes, as: UTF8.self) + abbreviation
    }

    struct ZoneOffset: Hashable {
        var identifier: String
        var offset: String
    }

    /// The zone named `identifier` (UTC when unknown), looked up once.
    static func timeZone(named identifier: String) -> TimeZone {
        zones.value(for: identifier) { TimeZone(identifier: $0) ?? utc }
    }

    /// `in 3 h`, `5 min ago`, `now`: the largest whole unit.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let amount: String
        switch magnitude {
        case ..<45: return "now"
        case ..<3600: amount = "\(Int((magnitude / 60).rounded())) min"
        case ..<172_800: amount = "\(Int((magnitude / 3600).rounded())) h"
        default: amount = "\(Int((magnitude / 86400).rounded())) d"
        }
        return seconds > 0 ? "in \(amount)" : "\(amount) ago"
    }

    /// `4.2 s`, `3 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
