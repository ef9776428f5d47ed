/// One subtitle: its lines, shown from `start` until `end` (milliseconds from the start of the audio).
public struct SubtitleCue: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var lines: [String]

    public init(start: Int, end: Int, lines: [String]) {
        self.start = start
        self.end = end
        self.lines = lines
    }

    /// The lines joined with spaces.
    public var text: String { lines.joined(separator: " ") }
}
