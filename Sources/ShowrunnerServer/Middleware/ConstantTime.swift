/// Comparisons whose running time does not depend on where two secrets differ.
enum ConstantTime {
    /// True when `given` equals `expected`. Every byte of `expected` is visited whatever `given` holds, and a length
    /// difference is folded into the result instead of returning early, so the time taken reveals neither a matching
    /// prefix nor the expected length beyond what the caller already knows.
    static func equals(_ given: some StringProtocol, _ expected: some StringProtocol) -> Bool {
        equals(Array(given.utf8), Array(expected.utf8))
    }

    static func equals(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: given.count ^ expected.count)
        for index in expected.indices {
            let byte = index < given.count ? given[index] : 0
            difference |= UInt(byte ^ expected[index])
        }
        return difference == 0
    }
}
