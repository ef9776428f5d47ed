/// SubRip (`.srt`): numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text lines, a blank line after each.
public enum SRTFormat {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line of the problem.
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func render(_ cues: [SubtitleCue]) -> String {
        cues.enumerated().map { index, cue in
            "\(index + 1)\n\(timestamp(cue.start)) --> \(timestamp(cue.end))\n" + cue.lines.joined(separator: "\n")
                + "\n"
        }.joined(separator: "\n")
    }

    /// The cues of an SRT text (a BOM, `\r\n` line ends, missing numbers and `.` before the milliseconds are
    /// accepted).
    public static func parse(_ text: String) throws(ParseError) -> [SubtitleCue] {
        var lines = text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        var cues: [SubtitleCue] = []
        var index = 0
        while index < lines.count {
            guard !lines[index].allSatisfy(\.isWhitespace) else {
                index += 1
                continue
            }
            if lines[index].allSatisfy(\.isNumber), index + 1 < lines.count { index += 1 }
            guard let (start, end) = timing(lines[index]) else {
                throw ParseError(line: index + 1, reason: "expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'")
            }
            index += 1
            var text: [String] = []
            while index < lines.count, !lines[index].allSatisfy(\.isWhitespace) {
                text.append(String(lines[index]))
                index += 1
            }
            cues.append(SubtitleCue(start: start, end: end, lines: text))
        }
        return cues
    }

    /// `01:02:03,456`.
    static func timestamp(_ milliseconds: Int) -> String {
        let ms = max(milliseconds, 0)
        return "\(pad(ms / 3_600_000)):\(pad(ms / 60_000 % 60)):\(pad(ms / 1000 % 60)),\(pad(ms % 1000, 3))"
    }

    private static func timing(_ line: Substring) -> (Int, Int)? {
        let parts = line.split(separator: " ").filter { !$0.isEmpty }
        guard parts.count >= 3, parts[1] == "-->", let start = milliseconds(parts[0]), let end = milliseconds(parts[2])
        else { return nil }
        return (start, end)
    }

    /// `HH:MM:SS,mmm` or `HH:MM:SS.mmm` in milliseconds.
    private static func milliseconds(_ text: Substring) -> Int? {
        let clock = text.split(separator: ":")
        guard clock.count == 3, let hours = Int(clock[0]), let minutes = Int(clock[1]) else { return nil }
        let seconds = clock[2].split(whereSeparator: { $0 == "," || $0 == "." })
        guard let first = seconds.first, let whole = Int(first) else { return nil }
        var fraction = 0
        if seconds.count == 2 {
            let digits = seconds[1].prefix(3)
            guard let value = Int(digits) else { return nil }
            fraction = value * [100, 10, 1][digits.count - 1]
        }
        return ((hours * 60 + minutes) * 60 + whole) * 1000 + fraction
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
