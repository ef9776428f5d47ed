import ShowrunnerCore
import ShowrunnerYAML

/// Parses a config file's text into a `YAMLNode` tree straight from libyaml's events, turning libyaml errors into
/// located diagnostics with advice in plain words (`YAMLProblem.diagnostic`). A file over the size, depth or alias
/// limits is refused at the event that goes over.
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
        case .notYAML(let problem): reader.append(problem.diagnostic(file: file, text: text))
        }
        return nil
    }
}
