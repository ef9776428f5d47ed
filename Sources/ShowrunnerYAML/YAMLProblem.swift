import ShowrunnerCore

/// Why a file is not YAML, as libyaml (or the composer) reports it: what went wrong, where, and the construct it
/// was reading. `diagnostic(file:text:)` turns it into the error a user reads, with advice in plain words.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A scanner, parser or composer error: `problem` at `mark`, maybe inside `context`.
        case syntax
        /// The same key twice in one mapping (sorted), reported at the first of them.
        case duplicateKeys([String])
        /// A character YAML does not allow, at `mark`.
        case reader
        /// Anything else (libyaml out of memory).
        case other
    }

    public var kind: Kind
    public var problem: String
    public var mark: SourceLocation
    public var context: (text: String, mark: SourceLocation)?

    public static func == (lhs: YAMLProblem, rhs: YAMLProblem) -> Bool {
        lhs.kind == rhs.kind && lhs.problem == rhs.problem && lhs.mark == rhs.mark
            && lhs.context?.text == rhs.context?.text && lhs.context?.mark == rhs.context?.mark
    }

    /// The line and column of the `offset`-th character of `text`.
    public static func location(ofCharacter offset: Int, in text: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The character offset of UTF-8 byte `offset` (0 when it is inside a character, as Yams reported it).
    static func characterOffset(ofByte offset: Int, in text: String) -> Int {
        guard
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text)
        else { return 0 }
        return text.distance(from: text.startIndex, to: index)
    }
}
