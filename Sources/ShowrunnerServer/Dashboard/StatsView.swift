import Foundation
import ShowrunnerCore

/// Renders `/api/stats`'s report as the statistics page: the range (7/30/90 days) and channel switch, the headline
/// figures, runs per day by status, step duration p50/p95 per kind and uploads per day (SVG charts), and the
/// step table.
enum StatsView {
    static func render(_ report: StatsReport?, days: Int, account: String?, csrf: String) -> HTML {
        guard let report else {
            return Layout.page(
                title: "Statistics", page: "stats", csrf: csrf,
                body: "<h1>Statistics</h1><p class=\"muted\">This store keeps no statistics.</p>")
        }
        let ranges = DashboardQuery.statsDays.map { value -> HTML in
            let link = "/stats" + URLQuery.string([("account", account), ("days", "\(value)")])
            return value == days ? "<strong>\(value) days</strong>" : "<a href=\"\(link)\">\(value) days</a>"
        }
        let scope: HTML =
            account.map { "channel <strong>\($0)</strong> · <a href=\"/stats?days=\(days)\">all</a>" }
            ?? "all channels"
        let uploads = report.daily.map { (date: $0.date, count: $0.uploads) }
        let body: HTML = """
            <h1>Statistics</h1>
            <form method="get" action="/stats" class="filters">
            <label>Channel<br><input name="account" value="\(account)" placeholder="all channels"></label>
            <input type="hidden" name="days" value="\(days)"><button type="submit">Show</button>
            <span>\(HTML.join(ranges, separator: " · "))</span></form>
            <p class="muted">\(report.from) to \(report.to) (UTC), \(scope).</p>
            \(figures(report))
            <h2>Runs per day by status</h2>
            <div class="chart" id="chart-runs">\(HTML(trusted: StatusBarChart.render(report.daily)))</div>
            <h2>Step duration, p50 / p95</h2>
            <div class="chart" id="chart-steps">\(HTML(trusted: DurationChart.render(report.steps)))</div>
            <h2>Uploads per day</h2>
            <div class="chart" id="chart-uploads">\(HTML(trusted: DailyBarChart.render(uploads, label: "Uploads per day")))</div>
            <h2>Steps</h2>
            \(steps(report.steps))
            """
        return Layout.page(title: "Statistics", page: "stats", csrf: csrf, body: body)
    }

    /// Finished runs, success rate, render seconds per video minute, uploads.
    static func figures(_ report: StatsReport) -> HTML {
        let finished = report.totals.values.reduce(0, +)
        let rate = report.successRate.map { SVG.number($0 * 100) + " %" } ?? "—"
        let render = report.renderSecondsPerVideoMinute.map { SVG.number($0) + " s" } ?? "—"
        let totals = StatsCalculator.finishedStatuses.map(\.rawValue).map { status -> HTML in
            "<span class=\"status status-\(status)\">\(report.totals[status] ?? 0) \(status)</span>"
        }
        return """
            <table class="figures" id="stats-figures"><tbody>
            <tr><th>Finished runs</th><td>\(finished): \(HTML.join(totals, separator: ", "))</td></tr>
            <tr><th>Success rate</th><td id="success-rate">\(rate)</td></tr>
            <tr><th>Render time per video minute</th><td>\(render)</td></tr>
            <tr><th>Uploads</th><td>\(report.uploads) (\(SVG.number(report.uploadsPerDay)) per day)</td></tr>
            </tbody></table>
            """
    }

    static func steps(_ steps: [StepKindFigures]) -> HTML {
        guard !steps.isEmpty else { return "<p class=\"muted\">No step finished in this range.</p>" }
        let rows = steps.map { step -> HTML in
            let p50 = step.p50Milliseconds.map(DurationChart.seconds) ?? "—"
            let p95 = step.p95Milliseconds.map(DurationChart.seconds) ?? "—"
            return "<tr><td>\(step.kind)</td><td>\(step.attempts)</td><td>\(step.failed)</td><td>\(p50)</td>"
                + "<td>\(p95)</td></tr>"
        }
        return """
            <table><thead><tr><th>Step kind</th><th>Attempts</th><th>Failed</th><th>p50</th><th>p95</th></tr>\
            </thead><tbody>\(rows)</tbody></table>
            """
    }
}
