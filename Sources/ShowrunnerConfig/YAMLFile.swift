import ShowrunnerCore
import ShowrunnerYAML

/// Parses a config file's text into a `YAMLNode` tree straight from libyaml's events, turning libyaml errors into
/// located diagnostics with advice in plain words. A file over the size, depth or alias limits is refused at the
/// event that goes over.
enum YAMLFile {
    /// Which composer reads the text: libyaml's events (`events`); the differential test passes the Yams reader
    /// of before issue 17 to compare the two.
    struct Composer: Sendable {
        let compose: @Sendable (_ text: String, _ file: String, _ limits: YAMLLimits) -> YAMLEventComposer.Outcome

        static let events = Composer { YAMLEventComposer.compose($0, file: $1, limits: $2) }
    }

    /// The root node, or nil with a diagnostic (syntax error, empty file, over a limit).
    static func compose(
        _ text: String, file: String, reader: inout NodeReader, limits: YAMLLimits = YAMLLimits(),
        composer: Composer = .events
    ) -> YAMLNode? {
        if let problem = ConfigText.sizeProblem(byteCount: text.utf8.count, file: file) {
            reader.append(problem)
            return nil
        }
        switch composer.compose(text, file, limits) {
        case .root(let root): return root
        case .empty:
            reader.append(
                Diagnostic(.error, file: file, location: SourceLocation(line: 1, column: 1), "the file is empty."))
        case .overLimit(let problem): reader.append(problem)
        case .notYAML(let problem): reader.append(diagnostic(for: problem, file: file, text: text))
        }
        return nil
    }

    static func diagnostic(for error: YAMLProblem, file: String, text: String) -> Diagnostic {
        switch error.kind {
        case .syntax:
            let start = error.context.flatMap { constructStart(problem: error.problem, context: $0, mark: error.mark) }
            return Diagnostic(
                .error, file: file, location: start ?? error.mark,
                sentence(error.problem, error.context, error.mark, reportedAt: start ?? error.mark, text: text))
        case .duplicateKeys(let duplicates):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, file: file, location: error.mark,
                "duplicate key \(keys) in one mapping; each key may appear once.")
        case .reader:
            return Diagnostic(
                .error, file: file, location: error.mark,
                "the file cannot be read as YAML text: \(error.problem); remove that character or save the file as "
                    + "plain UTF-8 text.")
        case .other:
            return Diagnostic(
                .error, file: file, location: SourceLocation(line: 1, column: 1),
                "cannot parse the file: \(error.problem).")
        }
    }

    /// Where the broken construct starts, when that is the better place to point than where libyaml gave up: a
    /// token libyaml was scanning (a quoted scalar never closed, a key without its ':') starts at its context mark.
    /// A bad escape inside a quoted scalar is pointed at where it is.
    static func constructStart(
        problem: String, context: (text: String, mark: SourceLocation), mark: SourceLocation
    ) -> SourceLocation? {
        guard context.text.hasPrefix("while scanning"), !problem.contains("escape"), !problem.contains("hexdecimal"),
            context.mark != mark
        else { return nil }
        return context.mark
    }

    /// "YAML syntax error: <problem> (<context> …); <advice>." naming whichever of the two marks is not reported.
    static func sentence(
        _ problem: String, _ context: (text: String, mark: SourceLocation)?, _ mark: SourceLocation,
        reportedAt reported: SourceLocation, text: String
    ) -> String {
        var sentence = "YAML syntax error: \(problem)"
        if let context, reported != mark {
            sentence += " at line \(mark.line), column \(mark.column) (\(context.text) that starts here)"
        } else if let context, context.mark != mark {
            sentence += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
        } else if let context {
            sentence += " (\(context.text))"
        }
        let advice = YAMLHint.advice(problem: problem, context: context?.text, text: text, line: mark.line)
        return sentence + "; " + advice + "."
    }
}
