/// How much text one subtitle may show: lines of at most `lineWidth` characters, at most `lines` of them.
public struct CueLimits: Sendable, Hashable {
    public var lineWidth: Int
    public var lines: Int

    public init(lineWidth: Int, lines: Int) {
        self.lineWidth = max(lineWidth, 1)
        self.lines = max(lines, 1)
    }

    /// Two lines of 42 characters: the common broadcast and YouTube limit.
    public static let standard = CueLimits(lineWidth: 42, lines: 2)

    /// The text wrapped into balanced lines; nil when it needs more lines than allowed.
    func lines(for text: String) -> [String]? {
        let wrapped = TextWrapper.balanced(text, width: lineWidth)
        return wrapped.count <= lines ? wrapped : nil
    }

    func fits(_ text: String) -> Bool { lines(for: text) != nil }
}
