import Foundation

/// Helpers shared by the chart renderers: escaping (every text from config or history goes through `escape`),
/// numbers with one decimal, and the document frame.
enum SVG {
    /// Safe inside text and inside double- or single-quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// One decimal, `.` as separator, no trailing `.0`.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite else { return "0" }
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    static func document(width: Int, height: Int, label: String, body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "height=\"\(height)\" role=\"img\" aria-label=\"\(escape(label))\" font-family=\"sans-serif\" "
            + "font-size=\"11\">" + body.joined() + "</svg>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" "
            + "fill=\"\(fill)\"><title>\(escape(title))</title></rect>"
    }

    static func text(_ value: String, x: Double, y: Double, anchor: String = "start") -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">\(escape(value))</text>"
    }

    /// Colours per run status (the same in every chart and legend).
    static let statusColors: [String: String] = [
        "succeeded": "#2a9d8f", "failed": "#e63946", "cancelled": "#8d99ae", "missed": "#f4a261",
        "skipped": "#b8c0cc", "queued": "#457b9d", "running": "#1d3557",
    ]
}
