import ShowrunnerCore

/// Horizontal bars of p50 (dark) and p95 (light) duration per step kind, on one scale, with the values written.
enum DurationChart {
    static let width = 720
    static let rowHeight = 24.0
    static let labelWidth = 150.0

    static func render(_ steps: [StepKindFigures]) -> String {
        let rows = steps.filter { $0.p95Milliseconds != nil }
        let longest = max(1, rows.compactMap(\.p95Milliseconds).max() ?? 0)
        let scale = (Double(width) - labelWidth - 80) / longest
        var body: [String] = []
        for (index, step) in rows.enumerated() {
            let y = 8 + Double(index) * rowHeight
            let p50 = step.p50Milliseconds ?? 0
            let p95 = step.p95Milliseconds ?? 0
            body.append(SVG.text(step.kind, x: labelWidth - 6, y: y + 13, anchor: "end"))
            body.append(
                SVG.rect(
                    x: labelWidth, y: y, width: max(p95 * scale, 1), height: 16, fill: "#a8dadc",
                    title: "\(step.kind): p95 \(seconds(p95))"))
            body.append(
                SVG.rect(
                    x: labelWidth, y: y + 4, width: max(p50 * scale, 1), height: 8, fill: "#1d3557",
                    title: "\(step.kind): p50 \(seconds(p50))"))
            body.append(
                SVG.text("\(seconds(p50)) / \(seconds(p95))", x: labelWidth + max(p95 * scale, 1) + 6, y: y + 13))
        }
        let height = Int(16 + Double(max(rows.count, 1)) * rowHeight)
        return SVG.document(width: width, height: height, label: "Step duration p50 and p95 per kind", body: body)
    }

    /// `850 ms`, `12.5 s`, `3.2 min`.
    static func seconds(_ milliseconds: Double) -> String {
        if milliseconds < 1000 { return "\(SVG.number(milliseconds)) ms" }
        if milliseconds < 120_000 { return "\(SVG.number(milliseconds / 1000)) s" }
        return "\(SVG.number(milliseconds / 60_000)) min"
    }
}
