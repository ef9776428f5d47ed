import ShowrunnerCore

/// Where each sentence of the script is spoken. Exact when the `tts` step reports them (its `sentences` output: a
/// list of `{text, start, end}` in seconds); otherwise estimated the way the subtitles are timed: the script split
/// into sentences and the audio shared out by how long each takes to say. The one place that decides, so scenes
/// switch to exact bounds as soon as the voice reports them.
enum SentenceBounds {
    /// The reported bounds when `reported` holds any, else the estimate from `text`; none without either.
    static func spans(text: String?, duration: Double, reported: ConfigValue?) -> [SentenceSpan] {
        if let reported, let spans = parse(reported), !spans.isEmpty { return spans }
        guard let text else { return [] }
        return estimated(text: text, duration: duration)
    }

    /// The sentences of `text` laid end to end over `duration` seconds, each in proportion to its spoken weight.
    static func estimated(text: String, duration: Double) -> [SentenceSpan] {
        let sentences = SentenceSplitter.sentences(in: text).filter { $0.contains { $0.isLetter || $0.isNumber } }
        let weights = sentences.map { SubtitleTimeline.weight(of: $0, endsSentence: true) }
        let total = weights.reduce(0, +)
        guard total > 0, duration > 0 else { return [] }
        var running = 0.0
        return zip(sentences, weights).map { sentence, weight in
            let start = duration * running / total
            running += weight
            return SentenceSpan(text: sentence, start: start, end: duration * running / total)
        }
    }

    /// `[{text, start, end}]` (seconds; `start_s`/`end_s` are read too), in time order; nil when malformed.
    static func parse(_ value: ConfigValue) -> [SentenceSpan]? {
        guard case .list(let items) = value else { return nil }
        var spans: [SentenceSpan] = []
        for item in items {
            guard case .map(let fields) = item,
                let start = number(fields["start"] ?? fields["start_s"]),
                let end = number(fields["end"] ?? fields["end_s"]), end >= start
            else { return nil }
            spans.append(SentenceSpan(text: fields["text"]?.stringValue ?? "", start: start, end: end))
        }
        return spans.sorted { $0.start < $1.start }
    }

    private static func number(_ value: ConfigValue?) -> Double? {
        switch value {
        case .double(let number)?: number
        case .int(let number)?: Double(number)
        case .string(let text)?: Double(text)
        default: nil
        }
    }
}
