import ShowrunnerCore

/// Stacked bars, one per day, of finished runs by status, with a legend; a `<title>` on every segment.
enum StatusBarChart {
    static let width = 720
    static let height = 220
    static let plot = (left: 40.0, top: 10.0, bottom: 180.0)

    static func render(_ days: [StatsDayFigures]) -> String {
        let statuses = StatsCalculator.finishedStatuses.map(\.rawValue)
        let highest = max(1, days.map { $0.counts.values.reduce(0, +) }.max() ?? 0)
        let slot = (Double(width) - plot.left - 10) / Double(max(days.count, 1))
        let scale = (plot.bottom - plot.top) / Double(highest)
        var body = [
            SVG.text("\(highest)", x: plot.left - 4, y: plot.top + 8, anchor: "end"),
            SVG.text("0", x: plot.left - 4, y: plot.bottom, anchor: "end"),
        ]
        for (index, day) in days.enumerated() {
            let x = plot.left + Double(index) * slot
            var top = plot.bottom
            for status in statuses {
                let count = day.counts[status] ?? 0
                guard count > 0 else { continue }
                let height = Double(count) * scale
                top -= height
                body.append(
                    SVG.rect(
                        x: x + 1, y: top, width: max(slot - 2, 1), height: height,
                        fill: SVG.statusColors[status] ?? "#999",
                        title: "\(day.date): \(count) \(status)"))
            }
            if index % labelStep(days.count) == 0 {
                body.append(
                    SVG.text(String(day.date.suffix(5)), x: x + slot / 2, y: plot.bottom + 14, anchor: "middle"))
            }
        }
        body += legend(statuses)
        return SVG.document(width: width, height: height, label: "Runs per day by status", body: body)
    }

    /// Every label for a week, about ten for longer ranges.
    static func labelStep(_ count: Int) -> Int { max(1, count / 10) }

    static func legend(_ statuses: [String]) -> [String] {
        statuses.enumerated().flatMap { index, status in
            let x = plot.left + Double(index) * 100
            return [
                SVG.rect(x: x, y: 200, width: 10, height: 10, fill: SVG.statusColors[status] ?? "#999", title: status),
                SVG.text(status, x: x + 14, y: 209),
            ]
        }
    }
}
