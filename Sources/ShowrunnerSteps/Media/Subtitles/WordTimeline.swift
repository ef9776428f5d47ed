/// Times word-by-word captions: within each sentence's bounds, every word gets a share of the sentence's time in
/// proportion to its length (letters 1, digits 3, plus a pause after a comma or colon), and is shown
/// highlighted among the one to three words of its group. Times are whole centiseconds (ASS's unit), rounded
/// inwards, so every event lies inside its sentence.
enum WordTimeline {
    /// One caption event: `words` on screen from `start` to `end` (centiseconds), `highlighted` being spoken.
    struct Event: Sendable, Equatable {
        var start: Int
        var end: Int
        var words: [String]
        var highlighted: Int
    }

    static func events(for sentences: [SpokenSentence], wordsPerLine: Int) -> [Event] {
        sentences.flatMap { events(for: $0, wordsPerLine: max(1, wordsPerLine)) }
    }

    /// Sentence bounds estimated from the text alone, spread over `duration` seconds by weight, for voices that
    /// do not report them (espeak-ng, OpenAI, a command).
    static func estimatedSentences(in text: String, duration: Double) -> [SpokenSentence] {
        let spoken = SentenceSplitter.sentences(in: text).filter { $0.contains { $0.isLetter || $0.isNumber } }
        let weights = spoken.map { SubtitleTimeline.weight(of: $0, endsSentence: true) }
        let total = weights.reduce(0, +)
        guard total > 0, duration > 0 else { return [] }
        var running = 0.0
        return zip(spoken, weights).map { text, weight in
            let start = duration * running / total
            running += weight
            return SpokenSentence(text: text, start: start, end: duration * running / total)
        }
    }

    private static func events(for sentence: SpokenSentence, wordsPerLine: Int) -> [Event] {
        let start = Int((sentence.start * 100).rounded(.up))
        let end = Int((sentence.end * 100).rounded(.down))
        let words = sentence.text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard end > start, !words.isEmpty else { return [] }
        let weights = words.map(weight)
        let total = weights.reduce(0, +)
        var bounds = [start]
        var running = 0.0
        for weight in weights {
            running += weight
            bounds.append(start + Int((Double(end - start) * running / total).rounded()))
        }
        bounds[bounds.count - 1] = end
        var events: [Event] = []
        for group in groups(words.count, size: wordsPerLine) {
            let shown = Array(words[group])
            for index in group where bounds[index + 1] > bounds[index] {
                events.append(
                    Event(
                        start: bounds[index], end: bounds[index + 1], words: shown,
                        highlighted: index - group.lowerBound))
            }
        }
        return events
    }

    /// `count` words in groups of at most `size`, as even as possible (7 in threes: 3, 2, 2).
    static func groups(_ count: Int, size: Int) -> [Range<Int>] {
        let groupCount = (count + size - 1) / size
        guard groupCount > 0 else { return [] }
        var ranges: [Range<Int>] = []
        var lower = 0
        for group in 0..<groupCount {
            let length = count / groupCount + (group < count % groupCount ? 1 : 0)
            ranges.append(lower..<lower + length)
            lower += length
        }
        return ranges
    }

    /// How long a word takes to say, in letter-equivalents (a clause's last word includes its pause).
    static func weight(_ word: String) -> Double {
        SubtitleTimeline.weight(of: word, endsSentence: false)
    }
}
