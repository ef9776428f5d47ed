import Foundation
import ShowrunnerCore

/// Renders a validation report as text for people, JSON for tools, or GitHub workflow commands.
struct ValidationOutput {
    let report: ValidationReport
    let summaries: [AccountSummary]
    let displayPath: (String) -> String
    let colour: Bool

    func text() -> String {
        var lines = report.diagnostics.map { diagnostic -> String in
            var shown = diagnostic
            shown.file = displayPath(diagnostic.file)
            return colour ? colourise(shown.rendered, diagnostic.severity) : shown.rendered
        }
        if !lines.isEmpty { lines.append("") }
        // 10,000 accounts' blocks are written on every core, then joined in order.
        for block in summaries.concurrentMap({ Self.block($0).joined(separator: "\n") }) { lines += [block, ""] }
        let accounts = summaries.count == 1 ? "1 account" : "\(summaries.count) accounts"
        lines.append("\(accounts): \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning")).")
        return lines.joined(separator: "\n")
    }

    private static func block(_ summary: AccountSummary) -> [String] {
        let state = !summary.valid ? "INVALID" : summary.enabled == false ? "disabled" : "enabled"
        var lines = ["\(summary.id)  (\(summary.file), \(state))"]
        if let schedule = summary.schedule, let cron = summary.cron {
            lines.append("  schedule  \(schedule)  [\(cron)]")
        }
        if let jitter = summary.jitter { lines.append("  jitter    +\(jitter) (stable for this account)") }
        for (index, fire) in summary.next.enumerated() {
            let label = index == 0 ? "  next      " : "            "
            lines.append(label + fire.at + (fire.note.map { "  warning: \($0)" } ?? ""))
        }
        if let pipeline = summary.pipeline {
            let graph = summary.stages.map { $0.count == 1 ? $0[0] : "{" + $0.joined(separator: ", ") + "}" }
            lines.append("  pipeline  \(pipeline): " + graph.joined(separator: " → "))
        }
        return lines
    }

    func json() throws -> String {
        struct Document: Encodable {
            let valid: Bool
            let errors: Int
            let warnings: Int
            let diagnostics: [Diagnostic]
            let accounts: [AccountSummary]
        }
        let diagnostics = report.diagnostics.map { diagnostic -> Diagnostic in
            var shown = diagnostic
            shown.file = displayPath(diagnostic.file)
            return shown
        }
        let document = Document(
            valid: report.errorCount == 0, errors: report.errorCount, warnings: report.warningCount,
            diagnostics: diagnostics, accounts: summaries)
        return try JSONOutput.encode(document)
    }

    /// `::error file=…,line=…,col=…::message` lines for GitHub Actions annotations.
    func github() -> String {
        report.diagnostics.map { diagnostic in
            var properties = ["file=\(escapeProperty(displayPath(diagnostic.file)))"]
            if let line = diagnostic.line { properties.append("line=\(line)") }
            if let column = diagnostic.column { properties.append("col=\(column)") }
            let key = diagnostic.keyPath.map { "\($0): " } ?? ""
            return
                "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(key + diagnostic.message))"
        }.joined(separator: "\n")
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private func colourise(_ line: String, _ severity: Diagnostic.Severity) -> String {
        let code = severity == .error ? "31" : "33"
        return line.replacingOccurrences(
            of: " \(severity.rawValue):", with: " \u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m:")
    }

    private func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
}

/// Stable JSON for `--format json`: sorted keys, pretty-printed, no escaped slashes.
enum JSONOutput {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
