/// Where a thumbnail's title goes: the largest font size at which the title, wrapped into balanced lines, fits
/// the canvas inside its padding in at most `maxLines` lines. Widths are estimated by character count (DejaVu
/// Sans Bold averages about 0.62 em a character in mixed case; 0.66 leaves room for capitals). A title too long
/// even at the smallest size keeps its first lines and ends with "…".
struct TitleLayout: Sendable, Equatable {
    static let characterWidth = 0.66
    static let lineSpacing = 1.2
    /// DejaVu Sans's ascender, in em.
    static let ascent = 0.93
    static let sizes = Array(stride(from: 120, through: 44, by: -4))

    var fontSize: Int
    var lines: [String]

    var lineHeight: Int { Int((Double(fontSize) * Self.lineSpacing).rounded()) }

    static func fit(_ title: String, width: Int, height: Int, padding: Int, maxLines: Int = 4) -> TitleLayout {
        let (usableWidth, usableHeight) = (width - 2 * padding, height - 2 * padding)
        for size in sizes {
            let lines = TextWrapper.balanced(title, width: charactersPerLine(usableWidth, fontSize: size))
            let layout = TitleLayout(fontSize: size, lines: lines)
            if lines.count <= maxLines, lines.count * layout.lineHeight <= usableHeight { return layout }
        }
        let size = sizes.last!
        let perLine = charactersPerLine(usableWidth, fontSize: size)
        var lines = Array(TextWrapper.greedy(title, width: perLine).prefix(maxLines))
        lines[lines.count - 1] = String(lines[lines.count - 1].prefix(perLine - 1)) + "…"
        return TitleLayout(fontSize: size, lines: lines)
    }

    static func charactersPerLine(_ width: Int, fontSize: Int) -> Int {
        max(1, Int(Double(width) / (Double(fontSize) * characterWidth)))
    }

    /// The baseline of each line, the block centred vertically on a canvas `height` tall.
    func baselines(canvasHeight height: Int) -> [Int] {
        let top = (height - lines.count * lineHeight) / 2
        let ascent = Int((Double(fontSize) * Self.ascent).rounded())
        let leading = (lineHeight - Int((Double(fontSize) * 1.16).rounded())) / 2
        return lines.indices.map { top + $0 * lineHeight + leading + ascent }
    }
}
