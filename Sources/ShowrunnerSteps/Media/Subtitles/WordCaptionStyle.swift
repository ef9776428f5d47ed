import ShowrunnerCore

/// The look of `style: words` captions, from the `subtitles` step's inputs (an account sets them under
/// `steps: subtitles: with:`): font, size, text and highlight colours, outline, position and words per line.
/// Sizes are in the video's pixels.
struct WordCaptionStyle: Sendable, Equatable {
    enum Position: String, Sendable, CaseIterable {
        case top, middle, bottom

        /// The ASS alignment (numpad layout, centred horizontally).
        var alignment: Int {
            switch self {
            case .bottom: 2
            case .middle: 5
            case .top: 8
            }
        }
    }

    var font = FontLocator.family
    var fontSize: Int
    /// `#RRGGBB`.
    var color = "#FFFFFF"
    var highlightColor = "#FFD60A"
    var outlineColor = "#000000"
    var outline = 6
    var position = Position.bottom
    /// Distance from the top or bottom edge (ignored in the middle).
    var margin: Int
    /// 1 to 3.
    var wordsPerLine = 3

    /// The defaults for `format`: large type above the Shorts buttons on a vertical video.
    init(format: VideoFormat) {
        fontSize = format == .short ? 96 : 80
        margin = format == .short ? 560 : 110
    }

    /// The defaults for `format` with the step's inputs applied; a bad value is a permanent failure naming it.
    static func from(_ context: StepContext, format: VideoFormat) throws(StepFailure) -> WordCaptionStyle {
        var style = WordCaptionStyle(format: format)
        if let font = try context.trimmedString("font"), !font.isEmpty { style.font = font }
        style.fontSize = try number(context, "font_size", in: 8...400) ?? style.fontSize
        style.color = try color(context, "color") ?? style.color
        style.highlightColor = try color(context, "highlight_color") ?? style.highlightColor
        style.outlineColor = try color(context, "outline_color") ?? style.outlineColor
        style.outline = try number(context, "outline", in: 0...40) ?? style.outline
        style.margin = try number(context, "margin", in: 0...2000) ?? style.margin
        style.wordsPerLine = try number(context, "words_per_line", in: 1...3) ?? style.wordsPerLine
        if let text = try context.trimmedString("position")?.lowercased() {
            guard let position = Position(rawValue: text) else {
                throw StepFailure(.permanent, "input 'position' must be top, middle or bottom, found '\(text)'.")
            }
            style.position = position
        }
        return style
    }

    /// `#RRGGBB` as ASS's `&H00BBGGRR` (opaque).
    static func assColor(_ hex: String) -> String {
        let digits = Array(hex.dropFirst().uppercased())
        return "&H00" + String(digits[4..<6]) + String(digits[2..<4]) + String(digits[0..<2])
    }

    private static func number(
        _ context: StepContext, _ name: String, in range: ClosedRange<Int>
    ) throws(StepFailure) -> Int? {
        guard let value = try context.int(name) else { return nil }
        guard range.contains(value) else {
            throw StepFailure(
                .permanent,
                "input '\(name)' must be between \(range.lowerBound) and \(range.upperBound), found \(value).")
        }
        return value
    }

    private static func color(_ context: StepContext, _ name: String) throws(StepFailure) -> String? {
        guard let text = try context.trimmedString(name) else { return nil }
        guard text.count == 7, text.first == "#", text.dropFirst().allSatisfy(\.isHexDigit) else {
            throw StepFailure(.permanent, "input '\(name)' must be a colour like #FFD60A, found '\(text)'.")
        }
        return text.uppercased()
    }
}
