import ShowrunnerCore

/// The run's step graph as SVG: steps in columns by depth (a step sits right of everything it needs), coloured
/// by the state of its latest attempt.
enum StepGraphSVG {
    struct Node: Equatable {
        var id: String
        var needs: [String]
        var state: String
    }

    static let width = 120
    static let height = 30
    static let columnGap = 40
    static let rowGap = 14

    static func colour(_ state: String) -> String {
        switch state {
        case "succeeded": "#2a9d3f"
        case "reused": "#7cc48a"
        case "failed": "#d62828"
        case "running": "#1d6fd6"
        case "skipped": "#b0b0b5"
        default: "#dcdce0"
        }
    }

    /// Column of each step: 0 for steps that need nothing, else one more than the deepest step it needs.
    static func depths(_ nodes: [Node]) -> [String: Int] {
        var depth: [String: Int] = [:]
        let byID = Dictionary(nodes.map { ($0.id, $0) }) { first, _ in first }
        func visit(_ id: String, _ seen: Set<String>) -> Int {
            if let known = depth[id] { return known }
            guard let node = byID[id], !seen.contains(id) else { return 0 }
            let value = node.needs.map { visit($0, seen.union([id])) + 1 }.max() ?? 0
            depth[id] = value
            return value
        }
        for node in nodes { _ = visit(node.id, []) }
        return depth
    }

    static func render(_ nodes: [Node]) -> HTML {
        guard !nodes.isEmpty else { return "<p class=\"muted\">No steps recorded yet.</p>" }
        let depth = depths(nodes)
        var row: [Int: Int] = [:]
        var position: [String: (x: Int, y: Int)] = [:]
        for node in nodes {
            let column = depth[node.id] ?? 0
            let index = row[column, default: 0]
            row[column] = index + 1
            position[node.id] = (column * (width + columnGap) + 4, index * (height + rowGap) + 4)
        }
        let columns = (depth.values.max() ?? 0) + 1
        let rows = row.values.max() ?? 1
        let edges = nodes.flatMap { node in
            node.needs.compactMap { need -> HTML? in
                guard let from = position[need], let to = position[node.id] else { return nil }
                return "<line x1=\"\(from.x + width)\" y1=\"\(from.y + height / 2)\" x2=\"\(to.x)\" "
                    + "y2=\"\(to.y + height / 2)\" stroke=\"#9a9aa0\" stroke-width=\"1.5\"/>"
            }
        }
        let boxes = nodes.map { node -> HTML in
            let at = position[node.id] ?? (0, 0)
            let text = node.state == "pending" || node.state == "skipped" ? "#1d1d1f" : "#ffffff"
            return "<g class=\"step\" data-step=\"\(node.id)\" data-state=\"\(node.state)\">"
                + "<title>\(node.id): \(node.state)</title>"
                + "<rect x=\"\(at.x)\" y=\"\(at.y)\" width=\"\(width)\" height=\"\(height)\" rx=\"5\" "
                + "fill=\"\(colour(node.state))\"/>"
                + "<text x=\"\(at.x + 8)\" y=\"\(at.y + 19)\" fill=\"\(text)\">\(String(node.id.prefix(17)))</text></g>"
        }
        let svgWidth = columns * (width + columnGap) + 8
        let svgHeight = rows * (height + rowGap) + 8
        return "<svg id=\"step-graph\" role=\"img\" aria-label=\"step graph\" width=\"\(svgWidth)\" "
            + "height=\"\(svgHeight)\" viewBox=\"0 0 \(svgWidth) \(svgHeight)\">\(edges)\(boxes)</svg>"
    }

    /// The nodes of `plan` (when known) with the state of each step's latest attempt; steps only in the history
    /// (the plan changed since) follow in their recorded order.
    static func nodes(plan: Pipeline?, attempts: [AttemptRecord]) -> [Node] {
        var state: [String: String] = [:]
        var order: [String] = []
        for attempt in attempts {
            if state[attempt.stepID] == nil { order.append(attempt.stepID) }
            state[attempt.stepID] = attempt.status.rawValue
        }
        var nodes = (plan?.steps ?? []).map { Node(id: $0.id, needs: $0.needs, state: state[$0.id] ?? "pending") }
        let planned = Set(nodes.map(\.id))
        var previous: String? = nodes.last?.id
        for id in order where !planned.contains(id) {
            nodes.append(Node(id: id, needs: plan == nil ? previous.map { [$0] } ?? [] : [], state: state[id] ?? ""))
            previous = id
        }
        return nodes
    }
}
