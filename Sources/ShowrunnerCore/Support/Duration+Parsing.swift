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

    /// Parses a config duration; components must be in decreasing unit order (`1h30m`, not `30m1h`). Read as
    /// UTF-8 bytes (every account file has several durations): anything outside ASCII digits and unit letters is
    /// an error.
    public init(parsing text: String) throws(DurationSyntaxError) {
        guard let duration = Self.parse(Substring(text.trimmingBlanks()).utf8) else {
            throw DurationSyntaxError(text: text)
        }
        self = duration
    }

    private static func parse(_ bytes: Substring.UTF8View) -> Duration? {
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy(isDigit) {
            guard bytes.count <= 12 else { return nil }
            return .seconds(number(bytes))
        }
        var milliseconds: Int64 = 0
        var rest = bytes[...]
        var lastUnitRank = Int.max
        while !rest.isEmpty {
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty, digits.count <= 12 else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix(while: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
            guard let rank = units.firstIndex(where: { sameLetters($0.suffix, letters) }), rank < lastUnitRank
            else { return nil }
            lastUnitRank = rank
            let (part, overflow) = number(digits).multipliedReportingOverflow(by: units[rank].milliseconds)
            let (sum, sumOverflow) = milliseconds.addingReportingOverflow(part)
            guard !overflow, !sumOverflow else { return nil }  // `999999999999d` is an error, not a crash
            milliseconds = sum
            rest = rest.dropFirst(letters.count)
        }
        return .milliseconds(milliseconds)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// At most 12 ASCII digits: no overflow.
    private static func number(_ digits: Substring.UTF8View) -> Int64 {
        digits.reduce(0) { $0 * 10 + Int64($1 - 0x30) }
    }

    /// `suffix` (lowercase) equals `letters` in any case.
    private static func sameLetters(_ suffix: String, _ letters: Substring.UTF8View) -> Bool {
        suffix.utf8.elementsEqual(letters.lazy.map { $0 | 0x20 })
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
