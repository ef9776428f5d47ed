import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerConfig
@testable import ShowrunnerYAML

/// The reader before issue 17 for the differential test: the `yams-reference` program (Tests/YamsReference, built
/// with the tests) composes the texts with Yams, and its JSON is rebuilt here as `YAMLNode`s. The size limits apply
/// first, as they did in front of Yams.
enum YamsReference {
    /// The program next to the test bundle (`.build/<triple>/debug/yams-reference`).
    static let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("yams-reference")

    /// A composer that gives Yams' reading of each of `texts` (composed in one run of the program). Texts over the
    /// limits are not sent: Yams would expand an alias bomb for minutes.
    static func composer(for allTexts: [String]) async throws -> YAMLFile.Composer {
        let texts = allTexts.filter {
            guard case .overLimit = YAMLEventComposer.compose($0, file: "") else { return true }
            return false
        }
        let output = try await TestProgram.succeeding(program.path, [], input: JSONEncoder().encode(texts))
        let outcomes = try #require(JSONSerialization.jsonObject(with: output.stdout) as? [[String: Any]])
        var table: [String: YAMLEventComposer.Outcome] = [:]
        for (text, outcome) in zip(texts, outcomes) { table[text] = try Self.outcome(outcome, text: text) }
        let readings = table
        return YAMLFile.Composer { text, file, limits in
            if case .overLimit(let problem) = YAMLEventComposer.compose(text, file: file, limits: limits) {
                return .overLimit(problem)
            }
            return readings[text]
                ?? .notYAML(
                    YAMLProblem(kind: .other, problem: "not read by Yams", mark: SourceLocation(line: 1, column: 1)))
        }
    }

    static func outcome(_ json: [String: Any], text: String) throws -> YAMLEventComposer.Outcome {
        if let root = json["root"] as? [String: Any] { return .root(try node(root)) }
        if let problem = json["problem"] as? [String: Any] { return .notYAML(try Self.problem(problem, text: text)) }
        return .empty
    }

    static func node(_ json: [String: Any]) throws -> YAMLNode {
        let mark = YAMLNode.Mark(
            line: Int32(try #require(json["line"] as? Int)), column: Int32(try #require(json["column"] as? Int)))
        let style: YAMLNode.CollectionStyle = json["flow"] as? Bool == true ? .flow : .block
        if let pairs = json["pairs"] as? [[[String: Any]]] {
            return .mapping(
                YAMLNode.Mapping(pairs: try pairs.map { (try node($0[0]), try node($0[1])) }, style: style, mark: mark))
        }
        if let items = json["items"] as? [[String: Any]] {
            return .sequence(YAMLNode.Items(nodes: try items.map(node), style: style, mark: mark))
        }
        let styles: [String: YAMLNode.ScalarStyle] = [
            "plain": .plain, "singleQuoted": .singleQuoted, "doubleQuoted": .doubleQuoted, "literal": .literal,
            "folded": .folded,
        ]
        return .scalar(
            YAMLNode.Scalar(
                string: try #require(json["scalar"] as? String),
                style: styles[json["style"] as? String ?? ""] ?? .plain,
                tag: json["tag"] as? String, mark: mark))
    }

    static func problem(_ json: [String: Any], text: String) throws -> YAMLProblem {
        let problem = json["problem"] as? String ?? ""
        let at = { (line: String, column: String) in
            SourceLocation(line: json[line] as? Int ?? 1, column: json[column] as? Int ?? 1)
        }
        switch json["kind"] as? String {
        case "syntax":
            let context = (json["context"] as? String).map { ($0, at("contextLine", "contextColumn")) }
            return YAMLProblem(kind: .syntax, problem: problem, mark: at("line", "column"), context: context)
        case "duplicateKeys":
            return YAMLProblem(
                kind: .duplicateKeys(json["duplicates"] as? [String] ?? []), problem: problem,
                mark: at("line", "column"))
        case "reader":
            let offset = json["offset"] as? Int ?? 0
            return YAMLProblem(
                kind: .reader, problem: problem, mark: YAMLProblem.location(ofCharacter: offset, in: text))
        default:
            return YAMLProblem(kind: .other, problem: problem, mark: SourceLocation(line: 1, column: 1))
        }
    }
}
