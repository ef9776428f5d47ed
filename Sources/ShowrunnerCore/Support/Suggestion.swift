/// "Did you mean …?" — the closest candidate by edit distance, when it is close enough to be a likely typo.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let length = word.count
        let allowed = max(1, min(3, length / 3 + 1))
        // The distance is at least the difference in length: a long word (a pasted blob) costs nothing here.
        let near = candidates.filter { abs($0.count - length) <= allowed }
        guard !near.isEmpty else { return nil }
        let lowered = word.lowercased()
        let scored = near.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= allowed ? best.0 : nil
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
