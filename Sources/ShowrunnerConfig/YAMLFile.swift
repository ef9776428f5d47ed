import ShowrunnerCore
import Yams

/// Parses a config file's text into a Yams node tree, turning libyaml errors into located diagnostics with advice
/// in plain words. A file over the size, depth or alias limits is refused before it is composed.
enum YAMLFile {
    /// The root node, or nil with a diagnostic (syntax error, empty file, over a limit).
    static func compose(
        _ text: String, file: String, reader: inout NodeReader, limits: YAMLLimits = YAMLLimits()
    ) -> Node? {
        if let problem = ConfigText.sizeProblem(byteCount: text.utf8.count, file: file)
            ?? limits.check(text, file: file)
        {
            reader.append(problem)
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                reader.append(
                    Diagnostic(.error, file: file, location: SourceLocation(line: 1, column: 1), "the file is empty."))
                return nil
            }
            return root
        } catch let error as YamlError {
            reader.append(diagnostic(for: error, file: file, text: text))
            return nil
        } catch {
            reader.append(
                Diagnostic(
                    .error, file: file, location: SourceLocation(line: 1, column: 1), "cannot parse the file: \(error)."
                ))
            return nil
        }
    }

    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let start = context.flatMap { constructStart(problem: problem, context: $0, mark: mark) }
            return Diagnostic(
                .error, file: file, location: at(start ?? mark),
                sentence(problem, context, mark, reportedAt: start ?? mark, text: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, file: file, location: at(context.mark),
                "duplicate key \(keys) in one mapping; each key may appear once.")
        case .reader(let problem, let offset, _, let yaml):
            return Diagnostic(
                .error, file: file, location: location(ofCharacter: offset ?? 0, in: yaml),
                "the file cannot be read as YAML text: \(problem); remove that character or save the file as "
                    + "plain UTF-8 text.")
        default:
            return Diagnostic(
                .error, file: file, location: SourceLocation(line: 1, column: 1), "cannot parse the file: \(error).")
        }
    }

    static func at(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }

    /// Where the broken construct starts, when that is the better place to point than where libyaml gave up: a
    /// token libyaml was scanning (a quoted scalar never closed, a key without its ':') starts at its context mark.
    /// A bad escape inside a quoted scalar is pointed at where it is.
    static func constructStart(problem: String, context: YamlError.Context, mark: Mark) -> Mark? {
        guard context.text.hasPrefix("while scanning"), !problem.contains("escape"), !problem.contains("hexdecimal"),
            context.mark.line != mark.line || context.mark.column != mark.column
        else { return nil }
        return context.mark
    }

    /// "YAML syntax error: <problem> (<context> …); <advice>." naming whichever of the two marks is not reported.
    static func sentence(
        _ problem: String, _ context: YamlError.Context?, _ mark: Mark, reportedAt reported: Mark, text: String
    ) -> String {
        var sentence = "YAML syntax error: \(problem)"
        if let context, reported.line != mark.line || reported.column != mark.column {
            sentence += " at line \(mark.line), column \(mark.column) (\(context.text) that starts here)"
        } else if let context, context.mark.line != mark.line || context.mark.column != mark.column {
            sentence += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
        } else if let context {
            sentence += " (\(context.text))"
        }
        let advice = YAMLHint.advice(problem: problem, context: context?.text, text: text, line: mark.line)
        return sentence + "; " + advice + "."
    }

    /// The line and column of the `offset`-th character of `text`.
    static func location(ofCharacter offset: Int, in text: String) -> SourceLocation {
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
}
