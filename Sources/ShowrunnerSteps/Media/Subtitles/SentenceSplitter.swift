/// Splits a script into sentences: after `.`, `!`, `?` or `…` (closing quotes and brackets may follow) at the end
/// of a word, and at blank lines. A period after a common abbreviation (`Dr.`, `e.g.`) or a single capital
/// (`J. R. R. Tolkien`) does not end a sentence. Whitespace inside a sentence becomes single spaces.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "approx", "mt", "ft",
        "inc", "ltd", "co", "fig", "vol", "ca",
    ]
    private static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»", "*"]

    static func sentences(in text: String) -> [String] {
        paragraphs(of: text).flatMap(sentences(inParagraph:))
    }

    /// True when `word` (the last word so far) ends a sentence.
    static func endsSentence(_ word: Substring) -> Bool {
        let core = word.reversed().drop { closers.contains($0) }
        guard let last = core.first, terminators.contains(last) else { return false }
        guard last == "." else { return true }
        let stem = String(core.drop { $0 == "." }.reversed())
        if abbreviations.contains(stem.lowercased()) { return false }
        return !(stem.count == 1 && stem.first?.isUppercase == true)
    }

    private static func paragraphs(of text: String) -> [[Substring]] {
        var paragraphs: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1] += words
            }
        }
        return paragraphs.filter { !$0.isEmpty }
    }

    private static func sentences(inParagraph words: [Substring]) -> [String] {
        var sentences: [String] = []
        var current: [Substring] = []
        for word in words {
            current.append(word)
            if endsSentence(word) {
                sentences.append(current.joined(separator: " "))
                current.removeAll()
            }
        }
        if !current.isEmpty { sentences.append(current.joined(separator: " ")) }
        return sentences
    }
}
