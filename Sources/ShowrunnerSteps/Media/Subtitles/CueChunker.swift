/// Cuts one sentence into pieces that each fit one subtitle: whole clauses (ending at `,` `;` `:` or a dash) are
/// packed together while they fit; a clause too long on its own is cut at spaces into pieces of even length.
enum CueChunker {
    private static let clauseEnds: Set<Character> = [",", ";", ":", "—", "–"]

    static func chunks(of sentence: String, limits: CueLimits) -> [String] {
        if limits.fits(sentence) { return [sentence] }
        var chunks: [String] = []
        var current = ""
        for clause in clauses(of: sentence) {
            let joined = current.isEmpty ? clause : current + " " + clause
            if limits.fits(joined) {
                current = joined
                continue
            }
            if !current.isEmpty { chunks.append(current) }
            let pieces = limits.fits(clause) ? [clause] : evenPieces(of: clause, limits: limits)
            chunks += pieces.dropLast()
            current = pieces.last ?? ""
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// The sentence's words grouped into clauses, each ending after a word that ends with clause punctuation
    /// (or a lone dash).
    static func clauses(of sentence: String) -> [String] {
        var clauses: [String] = []
        var current: [Substring] = []
        for word in sentence.split(whereSeparator: \.isWhitespace) {
            current.append(word)
            if let last = word.last, clauseEnds.contains(last) || word == "-" {
                clauses.append(current.joined(separator: " "))
                current.removeAll()
            }
        }
        if !current.isEmpty { clauses.append(current.joined(separator: " ")) }
        return clauses
    }

    /// The fewest pieces of roughly equal length, cut at spaces, that each fit.
    static func evenPieces(of text: String, limits: CueLimits) -> [String] {
        let words = TextWrapper.words(of: text, width: limits.lineWidth)
        let capacity = limits.lineWidth * limits.lines
        var count = max(1, (text.count + capacity - 1) / capacity)
        while count < words.count {
            let pieces = split(words, into: count)
            if pieces.allSatisfy(limits.fits) { return pieces }
            count += 1
        }
        return words
    }

    /// `words` in `count` consecutive groups whose lengths are close to equal.
    private static func split(_ words: [String], into count: Int) -> [String] {
        let total = words.reduce(0) { $0 + $1.count + 1 }
        var pieces: [String] = []
        var current: [String] = []
        var used = 0
        for (index, word) in words.enumerated() {
            current.append(word)
            used += word.count + 1
            let target = total * (pieces.count + 1) / count
            let wordsLeft = words.count - index - 1
            let piecesLeft = count - pieces.count - 1
            if piecesLeft > 0, used >= target || wordsLeft == piecesLeft {
                pieces.append(current.joined(separator: " "))
                current.removeAll()
            }
        }
        if !current.isEmpty { pieces.append(current.joined(separator: " ")) }
        return pieces
    }
}
