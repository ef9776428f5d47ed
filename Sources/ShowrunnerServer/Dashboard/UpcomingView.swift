import Foundation
import ShowrunnerCore

/// Renders the upcoming fires: the window switch (24 h / 7 days), the SVG timeline (instants on the axis, so a DST
/// change moves no dot) and the first fires as a table in each channel's zone, with what DST did to them.
enum UpcomingView {
    static let tableLimit = 100

    static func render(_ plan: UpcomingPlan, hours: Int, now: Date, csrf: String) -> HTML {
        let windows = [(24, "Next 24 hours"), (168, "Next 7 days")].map { value, label -> HTML in
            value == hours
                ? "<strong>\(label)</strong>" : "<a href=\"/upcoming?hours=\(value)\">\(label)</a>"
        }
        let rows = plan.fires.prefix(tableLimit).map { row($0, now: now) }
        let empty: HTML = plan.fires.isEmpty ? "<tr><td colspan=\"3\" class=\"muted\">No fire.</td></tr>" : .empty
        let capped: HTML =
            plan.truncated
            ? " (the earliest \(plan.fires.count); a channel shows at most \(plan.perChannelLimit))"
            : .empty
        let more: HTML =
            plan.fires.count > tableLimit
            ? "<p class=\"muted\">The first \(tableLimit) of \(plan.fires.count) fires are listed.</p>" : .empty
        let body: HTML = """
            <h1>Upcoming</h1>
            <div class="filters">\(HTML.join(windows, separator: " · "))</div>
            <p class="muted" id="upcoming-summary">\(plan.fires.count) fires of \(plan.channels) scheduled \
            channels\(capped).</p>
            <div id="upcoming-timeline" class="chart">\(HTML(trusted: UpcomingTimeline.render(plan)))</div>
            <table><thead><tr><th>Channel</th><th>Starts (channel's zone)</th><th>DST</th></tr></thead>
            <tbody id="upcoming-body">\(rows)\(empty)</tbody></table>
            \(more)
            """
        return Layout.page(title: "Upcoming", page: "upcoming", csrf: csrf, body: body)
    }

    static func row(_ fire: UpcomingFire, now: Date) -> HTML {
        let dst: HTML =
            switch fire.dst {
            case "moved_out_of_gap": "moved out of the DST gap"
            case "repeated_wall_time": "wall time repeated (DST ends)"
            default: .empty
            }
        return """
            <tr><td><a href="/runs?account=\(URLQuery.encode(fire.accountID))">\(fire.name ?? fire.accountID)</a>\
            </td><td>\(TimeText.html(fire.startAt, zone: fire.timeZone, now: now))</td><td>\(dst)</td></tr>
            """
    }
}
