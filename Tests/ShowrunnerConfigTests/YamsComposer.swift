import ShowrunnerCore
import Yams

@testable import ShowrunnerConfig
@testable import ShowrunnerYAML

extension YAMLFile.Composer {
    /// The reader before issue 17, for the differential test.
    static let yams = YAMLFile.Composer { YamsComposer.compose($0, file: $1, limits: $2) }
}

/// The reader before issue 17, kept for the differential test (`YAMLFile.Composer.yams`): the size limits as the
/// events go by, then Yams composes its node tree, converted here to `YAMLNode`. Only the tests link Yams.
enum YamsComposer {
    static func compose(_ text: String, file: String, limits: YAMLLimits) -> YAMLEventComposer.Outcome {
        if case .overLimit(let problem) = YAMLEventComposer.compose(text, file: file, limits: limits) {
            return .overLimit(problem)
        }
        do {
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .empty }
            return .root(convert(root))
        } catch let error as YamlError {
            return .notYAML(problem(for: error))
        } catch {
            return .notYAML(YAMLProblem(kind: .other, problem: "\(error)", mark: SourceLocation(line: 1, column: 1)))
        }
    }

    static func convert(_ node: Node) -> YAMLNode {
        let mark =
            node.mark.map { YAMLNode.Mark(line: Int32($0.line), column: Int32($0.column)) }
            ?? YAMLNode.Mark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            let raw = scalar.tag.rawValue
            let tag = raw.isEmpty || raw == "tag:yaml.org,2002:str" ? nil : raw
            return .scalar(YAMLNode.Scalar(string: scalar.string, style: style(scalar.style), tag: tag, mark: mark))
        case .mapping(let mapping):
            // Yams takes a collection's style from its end event, where libyaml leaves it unset: never flow.
            return .mapping(
                YAMLNode.Mapping(
                    pairs: mapping.map { (convert($0.key), convert($0.value)) },
                    style: mapping.style == .flow ? .flow : .block, mark: mark))
        case .sequence(let sequence):
            return .sequence(
                YAMLNode.Items(
                    nodes: sequence.map(convert), style: sequence.style == .flow ? .flow : .block, mark: mark))
        case .alias:
            return .scalar(YAMLNode.Scalar(string: "", style: .plain, tag: nil, mark: mark))
        }
    }

    private static func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
        switch style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        default: .plain
        }
    }

    static func problem(for error: YamlError) -> YAMLProblem {
        let at = { (mark: Mark) in SourceLocation(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return YAMLProblem(
                kind: .syntax, problem: problem, mark: at(mark), context: context.map { ($0.text, at($0.mark)) })
        case .duplicatedKeysInMapping(let duplicates, let context):
            return YAMLProblem(kind: .duplicateKeys(duplicates), problem: "duplicate keys", mark: at(context.mark))
        case .reader(let problem, let offset, _, let yaml):
            return YAMLProblem(
                kind: .reader, problem: problem, mark: YAMLProblem.location(ofCharacter: offset ?? 0, in: yaml))
        default:
            return YAMLProblem(kind: .other, problem: "\(error)", mark: SourceLocation(line: 1, column: 1))
        }
    }
}
