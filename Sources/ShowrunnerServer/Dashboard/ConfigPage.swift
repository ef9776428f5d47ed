import ShowrunnerCore
import ShowrunnerEngine

/// A minimal config page: every account file, whether it is valid and scheduled, and each diagnostic
/// (file:line:column). The statistics helper's fuller page may replace it.
struct ConfigPage {
    var accounts: [AccountStatus]
    var diagnostics: [Diagnostic]

    static func load(control: any DaemonControl) async -> ConfigPage {
        ConfigPage(accounts: await control.accounts(), diagnostics: await control.diagnostics())
    }

    static func render(_ model: ConfigPage, csrf: String) -> HTML {
        let diagnostics = model.diagnostics.map { diagnostic -> HTML in
            "<li class=\"diag \(diagnostic.severity.rawValue)\">\(diagnostic.rendered)</li>"
        }
        let files = model.accounts.map { account -> HTML in
            let state: HTML =
                account.valid
                ? "valid"
                : account.scheduled
                    ? "<strong>invalid</strong> (last good version scheduled)" : "<strong>invalid</strong>"
            return "<tr><td>\(account.file)</td><td>\(account.id)</td><td>\(state)</td>"
                + "<td>\(account.lastGoodRevision)</td></tr>"
        }
        let none: HTML = model.diagnostics.isEmpty ? "<li class=\"muted\">No diagnostics.</li>" : .empty
        let body: HTML = """
            <h1>Config</h1>
            <div id="config-live" data-live>
            <h2>Diagnostics</h2><ul id="diagnostics">\(diagnostics)\(none)</ul>
            <h2>Account files</h2>
            <table><thead><tr><th>File</th><th>Account</th><th>State</th><th>Last good revision</th></tr></thead>
            <tbody>\(files)</tbody></table>
            </div>
            """
        return Layout.page(title: "Config", page: "config", csrf: csrf, body: body)
    }
}
