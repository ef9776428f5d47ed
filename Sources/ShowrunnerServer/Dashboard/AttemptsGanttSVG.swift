import Foundation
import ShowrunnerCore

/// Every attempt of a run on one time axis (a Gantt chart as SVG): one bar per attempt, from its start to its end
/// (or `now` while it runs), coloured by its status.
enum AttemptsGanttSVG {
    static let labelWidth = 150
    static let barArea = 560
    static let rowHeight = 20

    static func render(_ attempts: [AttemptRecord], now: Date) -> HTML {
        let timed = attempts.filter { $0.attempt > 0 }
        guard let start = timed.map(\.startedAt).min() else { return "<p class=\"muted\">No attempts yet.</p>" }
        let end = timed.map { $0.finishedAt ?? now }.max() ?? now
        let span = max(end.timeIntervalSince(start), 0.001)
        let bars = timed.enumerated().map { index, attempt -> HTML in
            let y = index * rowHeight + 4
            let x0 = labelWidth + Int(attempt.startedAt.timeIntervalSince(start) / span * Double(barArea))
            let seconds = (attempt.finishedAt ?? now).timeIntervalSince(attempt.startedAt)
            let barWidth = max(2, Int(seconds / span * Double(barArea)))
            return "<g data-step=\"\(attempt.stepID)\" data-attempt=\"\(attempt.attempt)\">"
                + "<title>\(attempt.stepID) #\(attempt.attempt): \(attempt.status.rawValue), "
                + "\(TimeText.duration(seconds))</title>"
                + "<text x=\"0\" y=\"\(y + 12)\">\(String(attempt.stepID.prefix(18))) #\(attempt.attempt)</text>"
                + "<rect x=\"\(x0)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(rowHeight - 6)\" rx=\"3\" "
                + "fill=\"\(StepGraphSVG.colour(attempt.status.rawValue))\"/></g>"
        }
        let height = timed.count * rowHeight + 24
        let width = labelWidth + barArea + 10
        let axis: HTML =
            "<text x=\"\(labelWidth)\" y=\"\(height - 4)\">0 s</text>"
            + "<text x=\"\(labelWidth + barArea - 40)\" y=\"\(height - 4)\">\(TimeText.duration(span))</text>"
        return "<svg id=\"attempts-gantt\" role=\"img\" aria-label=\"attempts timeline\" width=\"\(width)\" "
            + "height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\(bars)\(axis)</svg>"
    }
}
