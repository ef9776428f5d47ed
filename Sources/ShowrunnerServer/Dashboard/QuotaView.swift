import Foundation
import ShowrunnerCore

/// Renders today's YouTube quota per Google project: used and budget (a bar), the runs waiting for the reset, and
/// when the reset comes (midnight Pacific time).
enum QuotaView {
    static func render(_ status: QuotaStatus?, now: Date, csrf: String) -> HTML {
        guard let status else {
            return Layout.page(
                title: "Quota", page: "quota", csrf: csrf,
                body: "<h1>Quota</h1><p class=\"muted\">This store keeps no quota ledger.</p>")
        }
        let projects = status.projects.map { project($0, now: now) }
        let none: HTML =
            status.projects.isEmpty ? "<p class=\"muted\">No channel uploads to YouTube.</p>" : .empty
        let body: HTML = """
            <h1>Quota</h1>
            <p id="quota-reset">Day \(status.day) (Pacific time); resets \
            \(TimeText.html(status.resetAt, zone: "America/Los_Angeles", now: now)).</p>
            <div id="quota-live" data-live>
            <table><thead><tr><th>Google project</th><th>Used / budget</th><th></th><th>Remaining</th>
            <th>videos.insert bucket</th><th>Channels</th><th>Runs waiting</th></tr></thead>
            <tbody id="quota-body">\(projects)</tbody></table>\(none)
            \(waiting(status, now: now))
            </div>
            """
        return Layout.page(title: "Quota", page: "quota", csrf: csrf, body: body)
    }

    static func project(_ project: QuotaProjectStatus, now: Date) -> HTML {
        let share = project.budget > 0 ? min(1, Double(project.used) / Double(project.budget)) : 0
        let bar = HTML(
            trusted:
                "<svg width=\"160\" height=\"12\" role=\"img\" aria-label=\"\(Int((share * 100).rounded())) % used\">"
                + "<rect width=\"160\" height=\"12\" fill=\"#e3e3e8\"/><rect width=\"\(SVG.number(160 * share))\" "
                + "height=\"12\" fill=\"\(share >= 0.9 ? "#e63946" : "#457b9d")\"/></svg>")
        return """
            <tr data-project="\(project.project)"><td>\(project.project)</td>\
            <td>\(project.used) / \(project.budget)</td><td>\(bar)</td><td>\(project.remaining)</td>\
            <td>\(project.insertUnits.map(String.init) ?? "—")</td><td>\(project.accounts)</td>\
            <td>\(project.waitingCount)</td></tr>
            """
    }

    /// The runs that wait for the reset, oldest first, per project.
    static func waiting(_ status: QuotaStatus, now: Date) -> HTML {
        let items = status.projects.flatMap { project in
            project.waiting.map { run -> HTML in
                "<li><a href=\"/runs/\(URLQuery.segment(run.runID))\">\(run.runID)</a> · \(run.accountID) · "
                    + "\(project.project) · queued \(TimeText.html(run.createdAt, zone: nil, now: now))</li>"
            }
        }
        guard !items.isEmpty else { return "<h2>Waiting for the reset</h2><p class=\"muted\">No run waits.</p>" }
        return "<h2>Waiting for the reset</h2><ul id=\"quota-waiting\">\(items)</ul>"
    }
}
