import ShowrunnerCore

extension YAMLProblem {
    /// The error a user reads: located where the broken construct starts, with advice in plain words (`YAMLHint`).
    public func diagnostic(file: String, text: String) -> Diagnostic {
        switch kind {
        case .syntax:
            let start = context.flatMap { Self.constructStart(problem: problem, context: $0, mark: mark) }
            return Diagnostic(
                .error, file: file, location: start ?? mark,
                Self.sentence(problem, context, mark, reportedAt: start ?? mark, text: text))
        case .duplicateKeys(let duplicates):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, file: file, location: mark,
                "duplicate key \(keys) in one mapping; each key may appear once.")
        case .reader:
            return Diagnostic(
                .error, file: file, location: mark,
                "the file cannot be read as YAML text: \(problem); remove that character or save the file as "
                    + "plain UTF-8 text.")
        case .other:
            return Diagnostic(
                .error, file: file, location: SourceLocation(line: 1, column: 1),
                "cannot parse the file: \(problem).")
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
