import Foundation
import Yams

// The YAML reader before issue 17 (Yams' composer, over Yams' own copy of libyaml), as a program for the
// differential test: reads a JSON list of texts on stdin and prints, for each, its node tree or its problem as
// JSON. A program of its own so that Yams and its libyaml stay out of `showrunner` and the test binary, which
// read YAML with Debian's libyaml.

/// A node as the test rebuilds it: its mark, then its scalar, mapping pairs or items.
func encode(_ node: Node) -> [String: Any] {
    var encoded: [String: Any] = ["line": node.mark?.line ?? 1, "column": node.mark?.column ?? 1]
    switch node {
    case .scalar(let scalar):
        let raw = scalar.tag.rawValue
        encoded["scalar"] = scalar.string
        encoded["style"] = style(scalar.style)
        if !raw.isEmpty, raw != "tag:yaml.org,2002:str" { encoded["tag"] = raw }
    case .mapping(let mapping):
        // Yams takes a collection's style from its end event, where libyaml leaves it unset: never flow.
        encoded["pairs"] = mapping.map { [encode($0.key), encode($0.value)] }
        encoded["flow"] = mapping.style == .flow
    case .sequence(let sequence):
        encoded["items"] = sequence.map(encode)
        encoded["flow"] = sequence.style == .flow
    case .alias:
        encoded["scalar"] = ""
        encoded["style"] = "plain"
    }
    return encoded
}

func style(_ style: Node.Scalar.Style) -> String {
    switch style {
    case .singleQuoted: "singleQuoted"
    case .doubleQuoted: "doubleQuoted"
    case .literal: "literal"
    case .folded: "folded"
    default: "plain"
    }
}

func problem(_ error: YamlError) -> [String: Any] {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        var encoded: [String: Any] = ["kind": "syntax", "problem": problem, "line": mark.line, "column": mark.column]
        if let context {
            encoded["context"] = context.text
            encoded["contextLine"] = context.mark.line
            encoded["contextColumn"] = context.mark.column
        }
        return encoded
    case .duplicatedKeysInMapping(let duplicates, let context):
        return [
            "kind": "duplicateKeys", "duplicates": duplicates, "problem": "duplicate keys", "line": context.mark.line,
            "column": context.mark.column,
        ]
    case .reader(let problem, let offset, _, _):
        return ["kind": "reader", "problem": problem, "offset": offset ?? 0]
    default:
        return ["kind": "other", "problem": "\(error)"]
    }
}

func outcome(_ text: String) -> [String: Any] {
    do {
        guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return ["empty": true] }
        return ["root": encode(root)]
    } catch let error as YamlError {
        return ["problem": problem(error)]
    } catch {
        return ["problem": ["kind": "other", "problem": "\(error)"]]
    }
}

let texts = try JSONDecoder().decode([String].self, from: FileHandle.standardInput.readDataToEndOfFile())
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: texts.map(outcome)))
