/// Times a script's subtitles across the real length of its audio. Each sentence is cut into cues that fit
/// `CueLimits` (a cue never holds the end of one sentence and the start of the next); each cue gets a share of the
/// audio in proportion to how long it takes to say: letters count 1, digits 3 (numbers are read out as words),
/// and a cue that ends a sentence or a clause adds a pause. The cues follow each other without gaps and cover the
/// audio from 0 to its end.
public enum SubtitleTimeline {
    static let letterWeight = 1.0
    static let digitWeight = 3.0
    static let sentencePause = 4.0
    static let clausePause = 3.0

    /// The cues of `text` over `duration` seconds; none when the text has no words or the duration is not positive.
    /// A "sentence" without a letter or digit (a lone dash) says nothing and gets no cue.
    public static func cues(for text: String, duration: Double, limits: CueLimits = .standard) -> [SubtitleCue] {
        let end = milliseconds(duration)
        guard end > 0 else { return [] }
        let spoken = SentenceSplitter.sentences(in: text).filter { $0.contains { $0.isLetter || $0.isNumber } }
        let pieces = spoken.flatMap { sentence in
            let chunks = CueChunker.chunks(of: sentence, limits: limits)
            return chunks.enumerated().map { (text: $1, endsSentence: $0 == chunks.count - 1) }
        }
        let weights = pieces.map { weight(of: $0.text, endsSentence: $0.endsSentence) }
        return timed(pieces.map(\.text), weights: weights, from: 0, to: end, limits: limits)
    }

    /// The same timeline with every cue that does not fit `limits` cut into several, which share its time by
    /// weight (a video narrower than 42 characters a line re-fits the SRT this way).
    public static func refit(_ cues: [SubtitleCue], to limits: CueLimits) -> [SubtitleCue] {
        cues.flatMap { cue -> [SubtitleCue] in
            if let lines = limits.lines(for: cue.text) {
                return [SubtitleCue(start: cue.start, end: cue.end, lines: lines)]
            }
            let chunks = CueChunker.chunks(of: cue.text, limits: limits)
            let weights = chunks.enumerated().map { weight(of: $1, endsSentence: $0 == chunks.count - 1) }
            return timed(chunks, weights: weights, from: cue.start, to: cue.end, limits: limits)
        }
    }

    /// How long a piece of text takes to say, in letter-equivalents.
    static func weight(of text: String, endsSentence: Bool) -> Double {
        var weight = 0.0
        for character in text {
            if character.isNumber {
                weight += digitWeight
            } else if character.isLetter {
                weight += letterWeight
            }
        }
        let last = text.last { !$0.isWhitespace && !"\"'”’)]»".contains($0) }
        if endsSentence {
            weight += sentencePause
        } else if let last, ",;:—–-".contains(last) {
            weight += clausePause
        }
        return max(weight, 1)
    }

    /// Cues for `texts` between `start` and `end`, cut where the running weight says; empty cues are dropped, so
    /// the timeline stays contiguous.
    private static func timed(
        _ texts: [String], weights: [Double], from start: Int, to end: Int, limits: CueLimits
    ) -> [SubtitleCue] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return [] }
        var cues: [SubtitleCue] = []
        var running = 0.0
        var cueStart = start
        for (index, text) in texts.enumerated() {
            running += weights[index]
            let isLast = index == texts.count - 1
            let cueEnd = isLast ? end : start + Int((Double(end - start) * running / total).rounded())
            guard cueEnd > cueStart else { continue }
            let lines = limits.lines(for: text) ?? TextWrapper.balanced(text, width: limits.lineWidth)
            cues.append(SubtitleCue(start: cueStart, end: cueEnd, lines: lines))
            cueStart = cueEnd
        }
        return cues
    }

    static func milliseconds(_ seconds: Double) -> Int {
        seconds.isFinite && seconds > 0 ? Int((seconds * 1000).rounded()) : 0
    }
}
