import Foundation

/// Plain-words advice for libyaml's terse syntax errors ("did not find expected ',' or '}'"): most come from an
/// unquoted value that starts with a character YAML reserves, or from indentation.
enum YAMLHint {
    /// What YAML makes of a plain value that starts with each reserved character.
    static let meanings: [Character: String] = [
        "*": "an alias", "&": "an anchor", "!": "a tag", "|": "a block of text", ">": "a folded block of text",
        "{": "a mapping", "[": "a list", "%": "a directive", "@": "a reserved character", "`": "a reserved character",
    ]

    /// The advice for `problem` (and its context) at `line` of `text`.
    static func advice(problem: String, context: String?, text: String, line: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if line >= 1, line <= lines.count, lines[line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return "indent with spaces; YAML does not allow tabs for indentation"
        }
        for number in [line, line - 1] where number >= 1 && number <= lines.count {
            if let advice = quoting(lines[number - 1]) { return advice }
        }
        return byProblem(problem, context: context ?? "")
    }

    /// "put it in quotes" when the line's value starts with a reserved character.
    static func quoting(_ line: Substring) -> String? {
        guard let (key, value) = split(line), let first = value.first, let meaning = meanings[first] else {
            return nil
        }
        let shown = value.count > 60 ? String(value.prefix(57)) + "…" : String(value)
        let escaped = shown.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let prefix = key.map { "\($0): " } ?? "- "
        return "the value \(shown) starts with '\(first)', which YAML reads as \(meaning); if it is text, put it in "
            + "quotes: \(prefix)\"\(escaped)\""
    }

    /// `key: value` or `- value` (the key is nil for a list item).
    private static func split(_ line: Substring) -> (String?, Substring)? {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("- ") { return (nil, trimmed.dropFirst(2).drop { $0 == " " }) }
        guard let colon = trimmed.range(of: ": ") else { return nil }
        let key = trimmed[..<colon.lowerBound]
        guard !key.isEmpty, !key.contains(where: { "{[\"'#".contains($0) }) else { return nil }
        return (String(key), trimmed[colon.upperBound...].drop { $0 == " " })
    }

    private static func byProblem(_ problem: String, context: String) -> String {
        let rules: [(String, String)] = [
            ("tab", "indent with spaces; YAML does not allow tabs for indentation"),
            (
                "mapping values are not allowed",
                "a value that contains ': ' must be put in quotes, or this line is "
                    + "indented deeper than the key it belongs to"
            ),
            ("expected key", "check the indentation: this line must line up with the keys above it"),
            ("expected '-'", "check the indentation: this line must line up with the list items above it"),
            (
                "expected ',' or",
                "a '{' or '[' is not closed, or a value inside it contains ',', ':', '{' or '['; "
                    + "put such values in quotes"
            ),
            ("cannot start any token", "a value starts with a character YAML reserves ('@' or '`'); put it in quotes"),
            ("undefined alias", "'*' starts an alias; if the value is text, put it in quotes"),
            (
                "could not find expected ':'",
                "a key must be followed by ': ' (a colon and a space), or a quoted value "
                    + "is not closed"
            ),
            ("unknown escape", "inside double quotes a backslash starts an escape; use single quotes or write \\\\"),
            ("end of stream", "a quote or bracket opened here is never closed"),
        ]
        let quoted = context.contains("quoted scalar") ? "a quote opened here is never closed" : nil
        return quoted ?? rules.first { problem.contains($0.0) }?.1
            ?? "check the indentation and put values with special characters in quotes"
    }
}
