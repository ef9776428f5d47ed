import Foundation
import ShowrunnerCore

/// Run ids sort by creation time and are short enough to type: `20261127-093012-k3f9q`.
public enum RunID {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    private static let utc = TimeZone(identifier: "UTC")!

    /// What every run id matches (the API documents `before` with it).
    public static let pattern = "^[0-9]{8}-[0-9]{6}-[0-9a-z]{5}(-[0-9]+)?$"

    /// `randomIndex(n)` returns an integer in `0..<n`.
    public static func make(at date: Date, randomIndex: (Int) -> Int) -> String {
        make(prefix: prefix(date), randomIndex: randomIndex)
    }

    /// `20261127-093012-`: the part of the id that is the creation time.
    private static func prefix(_ date: Date) -> String {
        let digits = RFC3339.format(date, in: utc).prefix(19).filter(\.isNumber)
        return "\(digits.prefix(8))-\(digits.dropFirst(8))-"
    }

    /// The five characters from one random draw (a draw can be a system call: 1,000 ids at one instant).
    private static func make(prefix: String, randomIndex: (Int) -> Int) -> String {
        var value = randomIndex(suffixes)
        var suffix = [Character](repeating: "0", count: 5)
        for position in suffix.indices.reversed() {
            suffix[position] = alphabet[value % alphabet.count]
            value /= alphabet.count
        }
        return prefix + String(suffix)
    }

    /// How many different five-character suffixes there are.
    private static let suffixes = 32 * 32 * 32 * 32 * 32

    /// `count` distinct ids for runs created in the same second.
    public static func make(_ count: Int, at date: Date, randomIndex: (Int) -> Int) -> [String] {
        let prefix = prefix(date)  // formatted once for the 1,000 runs of one instant
        var ids: [String] = []
        var seen: Set<String> = []
        while ids.count < count {
            var id = make(prefix: prefix, randomIndex: randomIndex)
            for _ in 0..<3 where seen.contains(id) { id = make(prefix: prefix, randomIndex: randomIndex) }
            if seen.contains(id) { id += "-\(ids.count)" }  // a `randomIndex` that repeats itself (a test stub)
            seen.insert(id)
            ids.append(id)
        }
        return ids
    }
}
