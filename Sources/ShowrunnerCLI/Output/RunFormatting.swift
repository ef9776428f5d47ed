import Foundation
import ShowrunnerCore

/// Text rendering of runs and attempts for `history` and `show`.
enum RunFormatting {
    private static let utc = TimeZone(identifier: "UTC")!

    /// `2026-11-27 09:30:12Z`.
    static func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        let text = RFC3339.format(date, in: utc)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(8) + "Z"
    }

    static func duration(_ run: RunRecord) -> String {
        guard let started = run.startedAt, let finished = run.finishedAt else {
            return run.startedAt == nil ? "—" : "…"
        }
        return ProgressPrinter.format(finished.timeIntervalSince(started))
    }

    static func table(_ runs: [RunRecord]) -> String {
        let header = ["RUN", "ACCOUNT", "TRIGGER", "STATUS", "CREATED", "DURATION", "REASON"]
        let rows = runs.map { run in
            [
                run.id, run.accountID, run.trigger.rawValue, run.status.rawValue, time(run.createdAt), duration(run),
                run.reason ?? "",
            ]
        }
        return align([header] + rows)
    }

    /// Columns padded to their widest cell; the last column is not padded.
    static func align(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingWhitespace()
        }.joined(separator: "\n")
    }

    static func details(_ run: RunRecord, _ attempts: [AttemptRecord]) -> String {
        var lines = ["run \(run.id)  \(run.accountID)  (pipeline \(run.pipeline), trigger \(run.trigger.rawValue))"]
        lines.append("status     \(run.status.rawValue)" + (run.reason.map { ": \($0)" } ?? ""))
        lines.append(
            "created    \(time(run.createdAt))   started \(time(run.startedAt))   finished \(time(run.finishedAt))   (\(duration(run)))"
        )
        if let scheduled = run.scheduledAt { lines.append("scheduled  \(time(scheduled))") }
        if let retryOf = run.retryOf { lines.append("retries    \(retryOf)") }
        if let revision = run.configRevision { lines.append("revision   \(revision)") }
        if let owner = run.owner {
            lines.append("owner      pid \(owner.pid) on \(owner.host), heartbeat \(time(owner.heartbeatAt))")
        }
        lines.append("")
        lines.append("steps")
        let width = attempts.map(\.stepID.count).max() ?? 0
        for attempt in attempts {
            lines.append(
                "  " + attempt.stepID.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + summary(attempt))
            let indent = "  " + String(repeating: " ", count: width) + "  "
            if let outputs = attempt.outputs, !outputs.isEmpty {
                lines.append(indent + "outputs: " + ConfigValue.jsonText(outputs))
            }
            if let tail = attempt.stderrTail, !tail.isEmpty {
                lines += tail.split(separator: "\n", omittingEmptySubsequences: false).suffix(10).map {
                    indent + "stderr│ " + $0
                }
            }
            for artifact in attempt.artifacts { lines.append(indent + "artifact: " + artifact) }
        }
        return lines.joined(separator: "\n")
    }

    private static func summary(_ attempt: AttemptRecord) -> String {
        let took = attempt.finishedAt.map { ProgressPrinter.format($0.timeIntervalSince(attempt.startedAt)) } ?? "…"
        switch attempt.status {
        case .skipped: return "skipped: \(attempt.error ?? "")"
        case .reused: return "reused from the run it retries"
        case .running: return "attempt \(attempt.attempt)  running since \(time(attempt.startedAt))"
        case .succeeded: return "attempt \(attempt.attempt)  succeeded  \(took)"
        case .failed:
            let kind = attempt.failureKind?.rawValue ?? "failed"
            return "attempt \(attempt.attempt)  failed (\(kind))  \(took)  \(attempt.error ?? "")"
        }
    }
}
