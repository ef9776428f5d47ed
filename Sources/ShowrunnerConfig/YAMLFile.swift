import ShowrunnerCore
import Yams

/// Parses a config file's text into a Yams node tree, turning libyaml errors into located diagnostics.
enum YAMLFile {
    /// The root node, or nil with a diagnostic (syntax error, empty file).
    static func compose(_ text: String, file: String, reader: inout NodeReader) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                reader.append(
                    Diagnostic(.error, file: file, location: SourceLocation(line: 1, column: 1), "the file is empty."))
                return nil
            }
            return root
        } catch let error as YamlError {
            reader.append(diagnostic(for: error, file: file))
            return nil
        } catch {
            reader.append(Diagnostic(.error, file: file, "cannot parse the file: \(error)."))
            return nil
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        func sentence(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> String {
            var text = "YAML syntax error: \(problem)"
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                text += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
            } else if let context {
                text += " (\(context.text))"
            }
            return text + "."
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return Diagnostic(.error, file: file, location: at(mark), sentence(problem, context, mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, file: file, location: at(context.mark),
                "duplicate key \(keys) in one mapping; each key may appear once.")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, file: file, "the file is not valid UTF-8 text: \(problem).")
        default:
            return Diagnostic(.error, file: file, "cannot parse the file: \(error).")
        }
    }
}
