import Foundation
import ShowrunnerCore

/// The upcoming fires on a time axis, one row per account (at most `maxRows`, the rest counted), a tick every
/// few hours labelled in UTC, a dot per fire whose `<title>` is the channel's wall time. Positions are instants,
/// so a DST change moves no dot.
enum UpcomingTimeline {
    static let width = 720
    static let maxRows = 40
    static let rowHeight = 16.0
    static let labelWidth = 140.0

    static func render(_ plan: UpcomingPlan) -> String {
        var rows: [String] = []
        var names: [String: String] = [:]
        for fire in plan.fires where names[fire.accountID] == nil {
            rows.append(fire.accountID)
            names[fire.accountID] = fire.name ?? fire.accountID
        }
        let shown = Array(rows.prefix(maxRows))
        let index = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1, $0) })
        let span = max(plan.to.timeIntervalSince(plan.from), 1)
        let scale = (Double(width) - labelWidth - 10) / span
        let axis = 14 + Double(shown.count) * rowHeight
        var body = ticks(plan, scale: scale, axis: axis)
        for (row, account) in shown.enumerated() {
            let name = names[account] ?? account
            body.append(SVG.text(name, x: labelWidth - 6, y: 12 + Double(row) * rowHeight + 4, anchor: "end"))
        }
        for fire in plan.fires {
            guard let row = index[fire.accountID] else { continue }
            let x = labelWidth + fire.startAt.timeIntervalSince(plan.from) * scale
            let y = 12 + Double(row) * rowHeight
            let dst = fire.dst.map { " (\($0))" } ?? ""
            body.append(
                "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"4\" fill=\"#457b9d\"><title>"
                    + SVG.escape("\(fire.name ?? fire.accountID): \(fire.local) \(fire.timeZone)\(dst)")
                    + "</title></circle>")
        }
        if rows.count > shown.count {
            body.append(SVG.text("+\(rows.count - shown.count) more accounts", x: 4, y: axis + 28))
        }
        let height = Int(axis + 34)
        return SVG.document(width: width, height: height, label: "Upcoming fires", body: body)
    }

    /// A tick every `hours` (3 h for a day, 24 h for a week), labelled `HH:MM` UTC or the date at midnight.
    static func ticks(_ plan: UpcomingPlan, scale: Double, axis: Double) -> [String] {
        let span = plan.to.timeIntervalSince(plan.from)
        let step = span > 2 * 86_400 ? 86_400.0 : 3 * 3600.0
        var tick = (plan.from.timeIntervalSince1970 / step).rounded(.up) * step
        var body: [String] = []
        while tick <= plan.to.timeIntervalSince1970 {
            let x = labelWidth + (tick - plan.from.timeIntervalSince1970) * scale
            body.append(
                "<line x1=\"\(SVG.number(x))\" y1=\"4\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(axis))\" "
                    + "stroke=\"#ddd\"/>")
            body.append(SVG.text(label(Date(timeIntervalSince1970: tick)), x: x, y: axis + 12, anchor: "middle"))
            tick += step
        }
        return body
    }

    static func label(_ date: Date) -> String {
        let text = RFC3339.format(date, in: TimeZone(identifier: "UTC")!)
        let time = String(text.dropFirst(11).prefix(5))
        return time == "00:00" ? String(text.prefix(10)) : time + " UTC"
    }
}
