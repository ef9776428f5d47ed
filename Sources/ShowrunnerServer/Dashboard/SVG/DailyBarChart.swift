import ShowrunnerCore

/// One bar per day of a single count (uploads per day), with the highest value on the axis and a `<title>` on
/// every bar.
enum DailyBarChart {
    static let width = 720
    static let height = 140
    static let plot = (left: 40.0, top: 10.0, bottom: 115.0)

    static func render(_ days: [(date: String, count: Int)], label: String, fill: String = "#457b9d") -> String {
        let highest = max(1, days.map(\.count).max() ?? 0)
        let slot = (Double(width) - plot.left - 10) / Double(max(days.count, 1))
        let scale = (plot.bottom - plot.top) / Double(highest)
        var body = [
            SVG.text("\(highest)", x: plot.left - 4, y: plot.top + 8, anchor: "end"),
            SVG.text("0", x: plot.left - 4, y: plot.bottom, anchor: "end"),
        ]
        for (index, day) in days.enumerated() {
            let x = plot.left + Double(index) * slot
            if day.count > 0 {
                let height = Double(day.count) * scale
                body.append(
                    SVG.rect(
                        x: x + 1, y: plot.bottom - height, width: max(slot - 2, 1), height: height, fill: fill,
                        title: "\(day.date): \(day.count)"))
            }
            if index % StatusBarChart.labelStep(days.count) == 0 {
                body.append(
                    SVG.text(String(day.date.suffix(5)), x: x + slot / 2, y: plot.bottom + 14, anchor: "middle"))
            }
        }
        return SVG.document(width: width, height: height, label: label, body: body)
    }
}
