/// Durations in config: `90s`, `5m`, `1h30m`, `2d`, `250ms`; a bare integer means seconds.
public struct DurationSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public var description: String {
        "'\(text)' is not a duration; write a number with a unit (250ms, 90s, 5m, 1h30m, 2d) or whole seconds."
    }
}

extension Duration {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// Parses a config duration; components must be in decreasing unit order (`1h30m`, not `30m1h`).
    public init(parsing text: String) throws(DurationSyntaxError) {
        let trimmed = text.trimmingBlanks()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            guard trimmed.count <= 12, let seconds = Int64(trimmed) else { throw DurationSyntaxError(text: text) }
            self = .seconds(seconds)
            return
        }
        var milliseconds: Int64 = 0
        var rest = Substring(trimmed)
        var lastUnitRank = Int.max
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 12, let amount = Int64(digits) else {
                throw DurationSyntaxError(text: text)
            }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix(while: { $0.isLetter })
            guard let rank = Self.units.firstIndex(where: { $0.suffix == letters.lowercased() }), rank < lastUnitRank
            else { throw DurationSyntaxError(text: text) }
            lastUnitRank = rank
            milliseconds += amount * Self.units[rank].milliseconds
            rest = rest.dropFirst(letters.count)
        }
        guard lastUnitRank != Int.max else { throw DurationSyntaxError(text: text) }
        self = .milliseconds(milliseconds)
    }

    /// The shortest config spelling of this duration (`1h30m`, `250ms`, `0s`).
    public var configText: String {
        var milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "0s" }
        var text = ""
        for (suffix, size) in Self.units.reversed() where milliseconds >= size {
            text += "\(milliseconds / size)\(suffix)"
            milliseconds %= size
        }
        return text
    }

    /// Whole and fractional seconds as a `Double`.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
