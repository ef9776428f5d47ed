/// The one trimming rule: leading and trailing whitespace and newlines (`Character.isWhitespace`) go, for config
/// values, step inputs, replies and files alike.
extension StringProtocol {
    /// The text without surrounding whitespace and newlines.
    public func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return String(self[start..<end])
    }

    /// The trimmed text; nil when nothing is left.
    public func nonBlankTrimmed() -> String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
