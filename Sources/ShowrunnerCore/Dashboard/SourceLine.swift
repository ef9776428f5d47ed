/// One line of a file's text, for showing a diagnostic in context; pure.
public enum SourceLine {
    public static let maxLength = 240

    /// Line `number` (1-based) without its line break, cut to `maxLength` characters (with `…`); nil when the
    /// text has no such line.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        // "\r\n" is one Character in Swift.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if current == number {
                return line.count > maxLength ? String(line.prefix(maxLength)) + "…" : String(line)
            }
            current += 1
        }
        return nil
    }
}
