import Foundation
import ShowrunnerCore

/// Whether two titles name the same topic. Both are normalised (case and accents folded, punctuation removed,
/// spaces collapsed); they match when the normalised texts are equal, when their word sets overlap by a Jaccard
/// index ≥ `wordOverlap` ("How to cook rice" / "How to cook perfect rice" = 0.8), or when an edit distance of at most
/// `1 - spelling` of the longer text turns one into the other (plurals, typos, and scripts without spaces).
public struct TitleSimilarity: Sendable, Equatable {
    public var wordOverlap: Double
    public var spelling: Double

    public init(wordOverlap: Double = 0.8, spelling: Double = 0.85) {
        self.wordOverlap = wordOverlap
        self.spelling = spelling
    }

    /// The first of `recent` that `title` nearly repeats.
    public func nearDuplicate(of title: String, in recent: [String]) -> String? {
        let normalised = Self.normalise(title)
        guard !normalised.isEmpty else { return nil }
        let words = Set(normalised.split(separator: " "))
        return recent.first { isNear(normalised, words, Self.normalise($0)) }
    }

    public func areNearDuplicates(_ first: String, _ second: String) -> Bool {
        nearDuplicate(of: first, in: [second]) != nil
    }

    private func isNear(_ title: String, _ words: Set<Substring>, _ other: String) -> Bool {
        guard !other.isEmpty else { return false }
        if title == other { return true }
        let otherWords = Set(other.split(separator: " "))
        let overlap = Double(words.intersection(otherWords).count) / Double(words.union(otherWords).count)
        if overlap >= wordOverlap { return true }
        let longer = max(title.count, other.count)
        let allowed = Int((Double(longer) * (1 - spelling)).rounded(.down))
        return abs(title.count - other.count) <= allowed && Suggestion.distance(title, other) <= allowed
    }

    /// Lowercase, without accents, punctuation or repeated spaces.
    public static func normalise(_ title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let spaced = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }
}
