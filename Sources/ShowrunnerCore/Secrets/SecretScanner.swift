/// Finds the `${…}` secret references in a config string.
public enum SecretScanner {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The references in `text`, in order; throws on `${` without `}` or an unknown source.
    public static func references(in text: String) throws(Problem) -> [SecretReference] {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return [] }
        var found: [SecretReference] = []
        var rest = Substring(text)
        while let open = opening(in: rest) {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw Problem(description: "'${' is not closed; write ${env:NAME} or ${file:path}.")
            }
            let body = rest[open.upperBound..<close]
            let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let source = SecretReference.Source(rawValue: String(parts[0])), !parts[1].isEmpty
            else {
                throw Problem(description: "'${\(body)}' is not a secret reference; write ${env:NAME} or ${file:path}.")
            }
            found.append(SecretReference(source: source, name: String(parts[1])))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The next `${` (found without Foundation's bridging `range(of:)`).
    private static func opening(in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let dollar = text[index...].firstIndex(of: "$") {
            let next = text.index(after: dollar)
            if next < text.endIndex, text[next] == "{" { return dollar..<text.index(after: next) }
            index = next
        }
        return nil
    }

    /// True when the whole string is made of secret references (so it holds no literal secret).
    public static func isOnlyReferences(_ text: String) -> Bool {
        var rest = Substring(text.trimmingBlanks())
        while !rest.isEmpty {
            guard rest.hasPrefix("${"), let close = rest.firstIndex(of: "}") else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return true
    }
}
