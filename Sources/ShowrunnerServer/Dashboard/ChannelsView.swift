/// Renders `ChannelsPage`: search, one table row per channel with its actions, and the pager.
enum ChannelsView {
    static func render(_ model: ChannelsPage, csrf: String) -> HTML {
        let back =
            "/channels" + URLQuery.string([("q", model.search), ("page", model.page > 1 ? "\(model.page)" : nil)])
        let rows = model.rows.map { row(model, $0, csrf: csrf, back: back) }
        let empty: HTML =
            model.rows.isEmpty ? "<tr><td colspan=\"9\" class=\"muted\">No channel matches.</td></tr>" : .empty
        let body: HTML = """
            <h1>Channels <span class="muted">\(model.total)</span></h1>
            <div class="filters"><form method="get" action="/channels">
            <input type="search" name="q" value="\(model.search)" placeholder="Search id or name" aria-label="Search">
            <button type="submit">Search</button></form>
            \(Layout.button("Reload config", action: "/ui/reload", csrf: csrf, back: back))</div>
            <table><thead><tr><th>Channel</th><th>Type</th><th>Language</th><th>Next fire</th><th>Last run</th>
            <th>Last 14 runs</th><th>Videos (7 d)</th><th>Badges</th><th>Actions</th></tr></thead>
            <tbody id="channels-body" data-live>\(rows)\(empty)</tbody></table>
            \(pager(model))
            """
        return Layout.page(title: "Channels", page: "channels", csrf: csrf, body: body)
    }

    static func row(_ model: ChannelsPage, _ row: ChannelsPage.Row, csrf: String, back: String) -> HTML {
        let base = "/ui/channels/\(URLQuery.segment(row.id))"
        let last: HTML =
            row.recent.first.map { run in
                "<a class=\"status status-\(run.status.rawValue)\" href=\"/runs/\(URLQuery.segment(run.id))\">"
                    + "\(run.status.rawValue)</a>"
            } ?? "<span class=\"muted\">never</span>"
        let marks = row.recent.reversed().map { run -> HTML in
            "<a class=\"mark \(run.status.rawValue)\" href=\"/runs/\(URLQuery.segment(run.id))\" "
                + "title=\"\(run.status.rawValue) \(TimeText.absolute(run.createdAt, zone: row.zone))\"></a>"
        }
        let badges = row.badges.map { badge -> HTML in
            "<span class=\"badge \(badge.kind)\" title=\"\(badge.detail)\">\(badge.text)</span>"
        }
        let pause =
            row.paused
            ? Layout.button("Resume", action: "\(base)/resume", csrf: csrf, back: back)
            : Layout.button("Pause", action: "\(base)/pause", csrf: csrf, back: back)
        return """
            <tr id="channel-\(row.id)" data-account="\(row.id)">\
            <td><a href="/runs?account=\(URLQuery.encode(row.id))">\(row.name)</a><br>\
            <span class="muted">\(row.id)</span></td>\
            <td>\(row.type)</td><td>\(row.language)</td>\
            <td>\(TimeText.html(row.nextFire, zone: row.zone, now: model.now))</td>\
            <td class="last-status">\(last)</td><td class="marks">\(marks)</td><td>\(row.videosThisWeek)</td>\
            <td class="badges">\(badges)</td>\
            <td>\(Layout.button("Run now", action: "\(base)/run", csrf: csrf, back: back)) \(pause)</td></tr>
            """
    }

    static func pager(_ model: ChannelsPage) -> HTML {
        func link(_ page: Int, _ label: String) -> HTML {
            let query = URLQuery.string([("q", model.search), ("page", "\(page)")])
            return "<a href=\"/channels\(query)\">\(label)</a>"
        }
        let previous: HTML = model.page > 1 ? link(model.page - 1, "← Previous") : .empty
        let next: HTML = model.page < model.pageCount ? link(model.page + 1, "Next →") : .empty
        return "<div class=\"pager\">\(previous)<span>Page \(model.page) of \(model.pageCount)</span>\(next)</div>"
    }
}
