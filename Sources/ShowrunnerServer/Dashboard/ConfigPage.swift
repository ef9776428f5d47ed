import Foundation
import ShowrunnerCore

/// The config page, rendered from `/api/config/status`'s figures: the revision (git commit, dirty flag), the last
/// reload and its errors, every diagnostic with the offending line, the accounts running on a last good version,
/// and the files (those with problems first), `pageSize` a page.
enum ConfigPage {
    static let pageSize = 100

    static func render(_ status: ConfigStatus, page: Int, now: Date, csrf: String) -> HTML {
        let diagnostics = status.files.flatMap(\.diagnostics).map(diagnostic)
        let none: HTML = diagnostics.isEmpty ? "<li class=\"muted\">No diagnostics.</li>" : .empty
        let body: HTML = """
            <h1>Config</h1>
            <div id="config-live" data-live>
            \(revision(status))
            \(reload(status.lastReload, now: now))
            <h2>Diagnostics</h2><ul id="diagnostics">\(diagnostics)\(none)</ul>
            \(lastGood(status.lastGood))
            \(files(status, page: page))
            </div>
            """
        return Layout.page(title: "Config", page: "config", csrf: csrf, body: body)
    }

    static func revision(_ status: ConfigStatus) -> HTML {
        guard let commit = status.commit else {
            return "<p id=\"config-revision\" class=\"muted\">Not a git checkout: no revision.</p>"
        }
        let dirty: HTML = status.dirty ? " <span class=\"badge lastgood\">uncommitted changes</span>" : .empty
        return "<p id=\"config-revision\">Revision <code>\(commit)</code>\(dirty)</p>"
    }

    static func reload(_ reload: ReloadView?, now: Date) -> HTML {
        guard let reload else { return "<p class=\"muted\">No reload since the daemon started.</p>" }
        let errors = reload.errors.map(diagnostic)
        let list: HTML = errors.isEmpty ? .empty : "<ul>\(errors)</ul>"
        return """
            <p id="last-reload">Last reload (\(reload.trigger)) \(TimeText.html(reload.at, zone: nil, now: now)): \
            \(reload.applied) applied, \(reload.unchanged) unchanged, \(reload.removed) removed, \
            \(reload.errors.count) errors.</p>\(list)
            """
    }

    /// `file:line:column: severity: message`, and the line it points at.
    static func diagnostic(_ view: DiagnosticView) -> HTML {
        let line: HTML = view.sourceLine.map { "<pre class=\"source\">\($0)</pre>" } ?? .empty
        return "<li class=\"diag \(view.diagnostic.severity.rawValue)\">\(view.diagnostic.rendered)\(line)</li>"
    }

    static func lastGood(_ accounts: [LastGoodAccount]) -> HTML {
        guard !accounts.isEmpty else { return .empty }
        let rows = accounts.map { account -> HTML in
            "<tr><td>\(account.accountID)</td><td>\(account.file)</td><td>\(account.revision ?? "—")</td>"
                + "<td>\(account.reason)</td></tr>"
        }
        return """
            <h2>Running on a last good version</h2>
            <table id="last-good"><thead><tr><th>Account</th><th>File</th><th>Revision</th><th>Why</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    static func files(_ status: ConfigStatus, page: Int) -> HTML {
        let pages = max(1, (status.files.count + pageSize - 1) / pageSize)
        let page = min(max(1, page), pages)
        let rows = status.files.dropFirst((page - 1) * pageSize).prefix(pageSize).map { file -> HTML in
            let state: HTML =
                file.errors > 0
                ? "<span class=\"error\">\(file.errors) errors</span>"
                : file.warnings > 0 ? "<span class=\"warning\">\(file.warnings) warnings</span>" : "valid"
            return "<tr><td>\(file.path)</td><td>\(state)</td></tr>"
        }
        let shown: HTML =
            status.files.count < status.filesTotal
            ? " (the first \(status.files.count), problems first)" : .empty
        let previous: HTML = page > 1 ? "<a href=\"/config?page=\(page - 1)\">← Previous</a>" : .empty
        let next: HTML = page < pages ? "<a href=\"/config?page=\(page + 1)\">Next →</a>" : .empty
        return """
            <h2>Files <span class="muted">\(status.filesTotal)\(shown)</span></h2>
            <table><thead><tr><th>File</th><th>State</th></tr></thead><tbody>\(rows)</tbody></table>
            <div class="pager">\(previous)<span>Page \(page) of \(pages)</span>\(next)</div>
            """
    }
}
