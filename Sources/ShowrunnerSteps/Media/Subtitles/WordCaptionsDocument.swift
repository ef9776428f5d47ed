/// The `.ass` file of `style: words` captions: the frame's size as PlayResX/PlayResY, one style from
/// `WordCaptionStyle`, and one dialogue line per word event with the spoken word recoloured (`\1c`) and slightly
/// enlarged among its group.
enum WordCaptionsDocument {
    static func render(_ events: [WordTimeline.Event], style: WordCaptionStyle, format: VideoFormat) -> String {
        let fields = [
            "Word", style.font, "\(style.fontSize)", WordCaptionStyle.assColor(style.color),
            WordCaptionStyle.assColor(style.color), WordCaptionStyle.assColor(style.outlineColor), "&H80000000", "-1",
            "0", "0", "0", "100", "100", "0", "0", "1", "\(style.outline)", "2", "\(style.position.alignment)", "60",
            "60", "\(style.margin)", "1",
        ]
        let header = """
            [Script Info]
            ScriptType: v4.00+
            PlayResX: \(format.width)
            PlayResY: \(format.height)
            WrapStyle: 0
            ScaledBorderAndShadow: yes

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
            Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, \
            MarginR, MarginV, Encoding
            Style: \(fields.joined(separator: ","))

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text

            """
        let highlight = WordCaptionStyle.assColor(style.highlightColor).dropFirst(4)
        let lines = events.map { event in
            let words = event.words.enumerated().map { index, word in
                let text = ASSDocument.escaped(word)
                return index == event.highlighted ? "{\\1c&H\(highlight)&\\fscx110\\fscy110}\(text){\\r}" : text
            }
            return "Dialogue: 0,\(ASSDocument.time(event.start * 10)),\(ASSDocument.time(event.end * 10)),Word,,0,0,0,,"
                + words.joined(separator: " ")
        }
        return header + lines.joined(separator: "\n") + "\n"
    }
}
