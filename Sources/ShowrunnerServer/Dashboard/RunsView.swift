import Foundation
import ShowrunnerCore

/// Renders `RunsPage`: the filter form, the table (a live region: new runs appear as events arrive) and the cursor.
enum RunsView {
    static func render(_ model: RunsPage, csrf: String) -> HTML {
        let filters = model.filters
        let rows = model.runs.map { row($0, zone: model.zones[$0.accountID], now: model.now) }
        let empty: HTML = model.runs.isEmpty ? "<tr><td colspan=\"7\" class=\"muted\">No runs.</td></tr>" : .empty
        let next: HTML =
            model.next.map { "<a href=\"\(filters.link(before: $0))\" id=\"next-page\">Older →</a>" } ?? .empty
        let first: HTML = filters.before != nil ? "<a href=\"\(filters.link(before: nil))\">← Newest</a>" : .empty
        let body: HTML = """
            <h1>Runs</h1>
            <form method="get" action="/runs" class="filters">
            <label>Channel<br><input name="account" value="\(filters.account)" placeholder="account id"></label>
            <label>Status<br>\(select("status", RunStatus.allCases.map(\.rawValue), filters.status?.rawValue))</label>
            <label>Trigger<br>\(select("trigger", RunTrigger.allCases.map(\.rawValue), filters.trigger?.rawValue))\
            </label>
            <label>Day (UTC)<br><input type="date" name="day" value="\(filters.day)"></label>
            <button type="submit">Filter</button> <a href="/runs">Clear</a></form>
            <table><thead><tr><th>Run</th><th>Channel</th><th>Trigger</th><th>Status</th><th>Created</th>
            <th>Duration</th><th>Reason</th></tr></thead>
            <tbody id="runs-body" data-live>\(rows)\(empty)</tbody></table>
            <div class="pager">\(first)\(next)</div>
            """
        return Layout.page(title: "Runs", page: "runs", csrf: csrf, body: body)
    }

    static func row(_ run: RunRecord, zone: String?, now: Date) -> HTML {
        let duration: HTML = {
            guard let start = run.startedAt else { return .empty }
            return "\(TimeText.duration((run.finishedAt ?? now).timeIntervalSince(start)))"
        }()
        return """
            <tr id="run-\(run.id)" data-status="\(run.status.rawValue)" data-account="\(run.accountID)">\
            <td><a href="/runs/\(URLQuery.segment(run.id))">\(run.id)</a></td>\
            <td><a href="/runs?account=\(URLQuery.encode(run.accountID))">\(run.accountID)</a></td>\
            <td>\(run.trigger.rawValue)</td>\
            <td><span class="status status-\(run.status.rawValue)">\(run.status.rawValue)</span></td>\
            <td>\(TimeText.html(run.createdAt, zone: zone, now: now))</td><td>\(duration)</td>\
            <td>\(run.reason)</td></tr>
            """
    }

    static func select(_ name: String, _ options: [String], _ selected: String?) -> HTML {
        let items = options.map { option -> HTML in
            let mark: HTML = option == selected ? " selected" : .empty
            return "<option value=\"\(option)\"\(mark)>\(option)</option>"
        }
        return "<select name=\"\(name)\"><option value=\"\">any</option>\(items)</select>"
    }
}
