import ShowrunnerCore

/// Makes generated metadata fit YouTube's limits rather than fail at upload: a title of at most 100 characters, a
/// description of at most 5000 UTF-8 bytes, tags of at most 500 characters in all, and no `<` or `>` in any of them.
/// Characters are counted as UTF-16 code units, which is never fewer than what YouTube counts.
public enum YouTubeMetadataFit {
    public static let titleLimit = 100
    public static let descriptionByteLimit = 5000
    public static let tagsLimit = 500

    /// Without `<` `>` and repeated spaces, shortened at a word boundary (a single long word is cut) and without
    /// trailing punctuation left by the cut.
    public static func title(_ text: String) -> String {
        let clean = oneLine(withoutAngles(text))
        guard clean.utf16.count > titleLimit else { return clean }
        let head = prefix(clean, fitting: titleLimit) { $0.utf16.count }
        return trimmedAtWord(head, whole: clean)
    }

    /// Without `<` `>`; cut at the last space or line break that fits (or a character boundary).
    public static func description(_ text: String) -> String {
        let clean = withoutAngles(text).trimmingWhitespace()
        guard clean.utf8.count > descriptionByteLimit else { return clean }
        let head = prefix(clean, fitting: descriptionByteLimit) { $0.utf8.count }
        return trimmedAtWord(head, whole: clean)
    }

    /// Trimmed, without `<` `>`, a leading `#` or blanks, first spelling of each tag kept (case-insensitive), and
    /// tags dropped from the end until `tagsLength` ≤ 500.
    public static func tags(_ tags: [String]) -> [String] {
        var seen: Set<String> = []
        var kept = tags.compactMap { tag -> String? in
            var clean = oneLine(withoutAngles(tag))
            while clean.hasPrefix("#") { clean.removeFirst() }
            clean = clean.trimmingWhitespace()
            return !clean.isEmpty && seen.insert(clean.lowercased()).inserted ? clean : nil
        }
        while tagsLength(kept) > tagsLimit { kept.removeLast() }
        return kept
    }

    /// YouTube's count: each tag, plus 2 for the quotes around a tag with a space, plus a comma between tags.
    public static func tagsLength(_ tags: [String]) -> Int {
        let each = tags.reduce(0) { $0 + $1.utf16.count + ($1.contains(" ") ? 2 : 0) }
        return each + max(tags.count - 1, 0)
    }

    private static func withoutAngles(_ text: String) -> String {
        String(text.filter { $0 != "<" && $0 != ">" })
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The longest prefix of whole characters whose `size` is at most `limit`.
    private static func prefix(_ text: String, fitting limit: Int, size: (Substring) -> Int) -> Substring {
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            let next = size(text[index...index])
            guard used + next <= limit else { break }
            used += next
            end = text.index(after: index)
        }
        return text[..<end]
    }

    /// `head` (a prefix of `whole`) ending at its last word boundary, unless that loses more than half of it.
    private static func trimmedAtWord(_ head: Substring, whole: String) -> String {
        let cutInsideWord = head.endIndex < whole.endIndex && !whole[head.endIndex].isWhitespace
        var result = head
        if cutInsideWord, let space = head.lastIndex(where: \.isWhitespace),
            head.distance(from: head.startIndex, to: space) >= head.count / 2
        {
            result = head[..<space]
        }
        let punctuation: Set<Character> = [",", ";", ":", "-", "–", "—", "(", "/", "&"]
        while let last = result.last, last.isWhitespace || punctuation.contains(last) { result.removeLast() }
        return String(result)
    }
}
