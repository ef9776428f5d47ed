/// An Advanced SubStation (`.ass`) file for libass to burn in: one style sized for the frame (PlayResX/PlayResY
/// equal to the video's size) and one dialogue line per cue.
enum ASSDocument {
    static func render(_ cues: [SubtitleCue], format: VideoFormat, fontName: String = FontLocator.family) -> String {
        let style = format.captions
        let fields = [
            "Default", fontName, "\(style.fontSize)", "&H00FFFFFF", "&H00FFFFFF", "&H00000000", "&H80000000", "-1", "0",
            "0", "0", "100", "100", "0", "0", "1", "\(style.outline)", "\(style.shadow)", "2", "\(style.marginSide)",
            "\(style.marginSide)", "\(style.marginBottom)", "1",
        ]
        let header = header(format: format, style: fields)
        let events = cues.map { cue in
            "Dialogue: 0,\(time(cue.start)),\(time(cue.end)),Default,,0,0,0,,"
                + cue.lines.map(escaped).joined(separator: "\\N")
        }
        return header + events.joined(separator: "\n") + "\n"
    }

    /// The script info (PlayResX/PlayResY = the frame), the one style `fields` describe, and the events' format.
    static func header(format: VideoFormat, style fields: [String]) -> String {
        """
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
    }

    /// `H:MM:SS.cc` (centiseconds; ends and starts round the same way, so the cues stay contiguous).
    static func time(_ milliseconds: Int) -> String {
        let centiseconds = (max(milliseconds, 0) + 5) / 10
        let (hours, minutes) = (centiseconds / 360_000, centiseconds / 6000 % 60)
        let (seconds, fraction) = (centiseconds / 100 % 60, centiseconds % 100)
        return "\(hours):\(pad(minutes)):\(pad(seconds)).\(pad(fraction))"
    }

    /// Text that libass shows as it is: braces would start override tags and a backslash an escape.
    static func escaped(_ line: String) -> String {
        String(
            line.map { character -> Character in
                switch character {
                case "{": "("
                case "}": ")"
                case "\\": "/"
                default: character
                }
            })
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
