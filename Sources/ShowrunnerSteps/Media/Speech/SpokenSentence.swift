import ShowrunnerCore

/// One sentence of the speech and where it is in the final audio, in seconds: the `tts` step's `sentences`
/// output (a list of `{text, start_s, end_s}`), which the `subtitles` step times its word captions from.
public struct SpokenSentence: Sendable, Hashable {
    public var text: String
    public var start: Double
    public var end: Double

    public init(text: String, start: Double, end: Double) {
        self.text = text
        self.start = start
        self.end = end
    }

    /// The output form: `{text, start_s, end_s}`, times to the microsecond.
    var value: ConfigValue {
        .map(["text": .string(text), "start_s": .double(Self.rounded(start)), "end_s": .double(Self.rounded(end))])
    }

    /// The sentences in a `sentences` input; nil when it is not a list of `{text, start_s, end_s}` with
    /// `0 ≤ start < end`.
    static func list(_ value: ConfigValue) -> [SpokenSentence]? {
        guard case .list(let items) = value else { return nil }
        var sentences: [SpokenSentence] = []
        for item in items {
            guard case .map(let fields) = item, let text = fields["text"]?.stringValue,
                let start = number(fields["start_s"]), let end = number(fields["end_s"]), start >= 0, end > start
            else { return nil }
            sentences.append(SpokenSentence(text: text, start: start, end: end))
        }
        return sentences
    }

    private static func number(_ value: ConfigValue?) -> Double? {
        switch value {
        case .double(let number)?: number
        case .int(let number)?: Double(number)
        default: nil
        }
    }

    private static func rounded(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1_000_000 }
}
