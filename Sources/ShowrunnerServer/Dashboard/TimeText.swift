import Foundation

/// Dates as the dashboard shows them: in the channel's zone, with a relative time ("in 3 h", "5 min ago") that the
/// page's script keeps current from the `datetime` attribute.
enum TimeText {
    /// A `<time>` element; nil date renders as a dash.
    static func html(_ date: Date?, zone: String?, now: Date) -> HTML {
        guard let date else { return "<span class=\"muted\">—</span>" }
        let iso = ISO8601DateFormatter().string(from: date)
        return "<time datetime=\"\(iso)\" title=\"\(iso)\">\(absolute(date, zone: zone)) "
            + "<span class=\"rel\">\(relative(date, now: now))</span></time>"
    }

    /// `2026-12-06 14:05 CET` in `zone` (UTC when unknown).
    static func absolute(_ date: Date, zone: String?) -> String {
        let timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let abbreviation = timeZone.abbreviation(for: date) ?? timeZone.identifier
        return String(
            format: "%04d-%02d-%02d %02d:%02d %@", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, abbreviation)
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
