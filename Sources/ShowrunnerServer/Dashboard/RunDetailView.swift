import Foundation
import ShowrunnerCore

/// Renders `RunDetailPage`: summary and actions, the step graph and attempts timeline (a live region while the run
/// is going), each attempt's failure, output tail and outputs, and the artifacts.
enum RunDetailView {
    static func render(_ model: RunDetailPage, csrf: String) -> HTML {
        let run = model.run
        let back = "/runs/\(URLQuery.segment(run.id))"
        var actions: [HTML] = []
        if run.status == .failed || run.status == .cancelled {
            actions.append(Layout.button("Retry", action: "/ui\(back)/retry", csrf: csrf, back: back, async: false))
        }
        if !run.status.isFinished {
            actions.append(Layout.button("Cancel", action: "/ui\(back)/cancel", csrf: csrf, back: back))
        }
        let retried: HTML =
            model.retriedBy.map { "<p>Retried by <a href=\"/runs/\(URLQuery.segment($0))\">\($0)</a></p>" } ?? .empty
        let body: HTML = """
            <h1>Run <span class="muted">\(run.id)</span></h1>
            <div id="run-summary" data-live>
            <p><a href="/runs?account=\(URLQuery.encode(run.accountID))">\(run.accountID)</a> · \(run.pipeline) · \
            \(run.trigger.rawValue) · <span class="status status-\(run.status.rawValue)" id="run-status">\
            \(run.status.rawValue)</span> · created \(TimeText.html(run.createdAt, zone: model.zone, now: model.now))\
            </p>\(run.reason.map { reason -> HTML in "<p>\(reason)</p>" } ?? .empty)\(retried)
            <p>\(actions)</p>
            <h2>Steps</h2>\(StepGraphSVG.render(model.nodes))
            <h2>Attempts</h2>\(AttemptsGanttSVG.render(model.attempts, now: model.now))
            \(attemptsTable(model))
            </div>
            <h2>Artifacts</h2>\(artifacts(model))
            """
        return Layout.page(title: "Run \(run.id)", page: "runs", csrf: csrf, body: body, attributes: [("run", run.id)])
    }

    static func attemptsTable(_ model: RunDetailPage) -> HTML {
        let rows = model.attempts.map { attempt -> HTML in
            let seconds = attempt.finishedAt.map { TimeText.duration($0.timeIntervalSince(attempt.startedAt)) }
            let tail: HTML =
                attempt.stderrTail.map { "<details><summary>output tail</summary><pre>\($0)</pre></details>" }
                ?? .empty
            let outputs: HTML =
                attempt.outputs.map { outputs in
                    let lines = outputs.keys.sorted().map { key -> HTML in
                        "<tr><th>\(key)</th><td>\(describe(outputs[key] ?? .null))</td></tr>"
                    }
                    return "<details><summary>outputs</summary><table>\(lines)</table></details>"
                } ?? .empty
            return """
                <tr class="attempt" data-step="\(attempt.stepID)"><td>\(attempt.stepID)</td><td>\(attempt.attempt)</td>\
                <td><span class="status status-\(attempt.status.rawValue)">\(attempt.status.rawValue)</span></td>\
                <td>\(attempt.failureKind?.rawValue)</td><td>\(attempt.error)</td><td>\(seconds)</td>\
                <td>\(tail)\(outputs)</td></tr>
                """
        }
        return """
            <table><thead><tr><th>Step</th><th>#</th><th>Status</th><th>Failure</th><th>Message</th><th>Duration</th>
            <th>Details</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    static func artifacts(_ model: RunDetailPage) -> HTML {
        var parts: [HTML] = []
        let id = model.run.id
        let captions = model.artifacts.first { $0.kind == "captions" }
        for artifact in model.artifacts where artifact.kind == "image" {
            parts.append(
                "<figure><img id=\"thumbnail\" src=\"\(artifact.url(runID: id))\" alt=\"thumbnail\">"
                    + "<figcaption>\(artifact.name)</figcaption></figure>")
        }
        for artifact in model.artifacts where artifact.kind == "video" {
            parts.append(
                "<figure><video id=\"video\" controls preload=\"auto\" src=\"\(artifact.url(runID: id))\"></video>"
                    + "<figcaption>\(artifact.name)</figcaption></figure>")
        }
        var links = model.artifacts.filter { $0.kind != "image" && $0.kind != "video" }.map { artifact -> HTML in
            "<li><a href=\"\(artifact.url(runID: id))\">\(artifact.step)/\(artifact.name)</a> "
                + "<span class=\"muted\">\(artifact.kind)</span></li>"
        }
        if let url = model.youtubeURL {
            links.append("<li><a href=\"\(url)\" rel=\"noopener noreferrer\" id=\"youtube\">YouTube</a></li>")
        }
        if captions != nil || !links.isEmpty { parts.append("<ul>\(links)</ul>") }
        if let script = model.script {
            parts.append("<div><h3>Script: \(script.title ?? "")</h3><pre id=\"script\">\(script.text)</pre></div>")
        }
        guard !parts.isEmpty else { return "<p class=\"muted\" id=\"no-artifacts\">No artifacts yet.</p>" }
        return "<div class=\"artifacts\">\(parts)</div>"
    }

    /// An output value as text (JSON-like for lists and maps).
    static func describe(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .list(let items): "[" + items.map(describe).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.keys.sorted().map { "\($0): \(describe(entries[$0] ?? .null))" }.joined(separator: ", ") + "}"
        }
    }
}
