/// The words that can match a scene to a picture: lower-case runs of letters and digits, at least three long, not
/// a common English function word, with a plural `s` dropped (`volcanoes` and `volcano` match).
enum Keywords {
    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "his", "how", "its", "who", "did", "yes", "she", "him", "too", "use", "that", "this", "with",
        "have", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when", "were", "been",
        "into", "than", "then", "them", "these", "some", "more", "most", "also", "just", "like", "only", "over",
        "such", "very", "even", "each", "much", "your", "here", "tags", "keywords", "jpg", "jpeg", "png", "mp4",
    ]

    static func words(in text: String) -> Set<String> {
        var result: Set<String> = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            guard word.count >= 3, !stopWords.contains(String(word)) else { continue }
            result.insert(stem(String(word)))
        }
        return result
    }

    private static func stem(_ word: String) -> String {
        if word.hasSuffix("es"), word.count > 4, word.dropLast(2).last.map({ "sxo".contains($0) }) == true {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return word
    }
}
