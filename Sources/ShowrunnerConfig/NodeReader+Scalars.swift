import Foundation
import ShowrunnerCore
import ShowrunnerYAML

extension NodeReader {
    /// Any scalar as text (so `category_id: 26` and `language: no` stay strings); null and collections are errors.
    mutating func string(_ node: YAMLNode?, at path: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            error(path(), "expected text, found \(Self.describe(node))\(Self.quoteHint(node)).", at: node)
            return nil
        }
        return scalar.string
    }

    /// For a flow collection where text was expected: `{{ … }}` and `[…]` unquoted are YAML, not text.
    static func quoteHint(_ node: YAMLNode) -> String {
        switch node {
        case .mapping(let mapping) where mapping.style == .flow:
            "; a value that starts with '{' (such as {{ vars.name }}) must be put in quotes if it is text"
        case .sequence(let sequence) where sequence.style == .flow:
            "; a value that starts with '[' must be put in quotes if it is text"
        default: ""
        }
    }

    mutating func int(_ node: YAMLNode?, at path: @autoclosure () -> String, in range: ClosedRange<Int>) -> Int? {
        guard let node, let text = string(node, at: path()) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bound =
                range.upperBound == .max
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            error(path(), "expected a whole number \(bound), found \(Self.quoted(text)).", at: node)
            return nil
        }
        return value
    }

    mutating func double(
        _ node: YAMLNode?, at path: @autoclosure () -> String, in range: ClosedRange<Double>
    ) -> Double? {
        guard let node, let text = string(node, at: path()) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            error(
                path(),
                "expected a number from \(range.lowerBound) to \(range.upperBound), found \(Self.quoted(text)).",
                at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode?, at path: @autoclosure () -> String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = PlainScalar.bool(scalar) else {
            error(path(), "expected true or false, found \(Self.describe(node)).", at: node)
            return nil
        }
        return value
    }

    mutating func duration(_ node: YAMLNode?, at path: @autoclosure () -> String) -> Duration? {
        guard let node, let text = string(node, at: path()) else { return nil }
        do throws(DurationSyntaxError) {
            return try Duration(parsing: text)
        } catch {
            self.error(path(), error.description, at: node)
            return nil
        }
    }

    /// `duration`, reporting one longer than `limit` with `reason` (why the bound is there).
    mutating func duration(
        _ node: YAMLNode?, at path: @autoclosure () -> String, atMost limit: Duration, _ reason: String
    ) -> Duration? {
        guard let value = duration(node, at: path()) else { return nil }
        guard value <= limit else {
            error(path(), "\(value.configText) is longer than \(limit.configText): \(reason)", at: node)
            return nil
        }
        return value
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, at path: @autoclosure () -> String
    ) -> Choice?
    where Choice.RawValue == String {
        guard let node, let text = string(node, at: path()) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, in: names).map { "; did you mean '\($0)'?" } ?? "."
        error(path(), "\(Self.quoted(text)) is not one of \(names.joined(separator: ", "))\(hint)", at: node)
        return nil
    }

    mutating func stringList(_ node: YAMLNode?, at path: String) -> [String]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(path, "expected a list such as [a, b], found \(Self.describe(node)).", at: node)
            return nil
        }
        var items: [String] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "\(path)[\(index)]"
            record(itemPath, item)
            if let text = string(item, at: itemPath) { items.append(text) }
        }
        return items.count == sequence.count ? items : nil
    }

    /// A free value (`with:`, `vars:`): quoted scalars are strings, plain ones follow YAML's types.
    mutating func value(_ node: YAMLNode, at path: String) -> ConfigValue {
        record(path, node)
        switch node {
        case .scalar(let scalar):
            return Self.value(scalar)
        case .sequence(let sequence):
            return .list(sequence.enumerated().map { value($1, at: "\(path)[\($0)]") })
        case .mapping:
            return .map(valueMap(node, at: path) ?? [:])
        }
    }

    mutating func valueMap(_ node: YAMLNode?, at path: String) -> [String: ConfigValue]? {
        guard let node, let entries = freeMapping(node, at: path) else { return nil }
        var result: [String: ConfigValue] = [:]
        for (key, child) in entries {
            // A scalar's place was recorded with its key (`freeMapping`): no joined path needed.
            if case .scalar(let scalar) = child {
                result[key] = Self.value(scalar)
            } else {
                result[key] = value(child, at: Self.join(path, key))
            }
        }
        return result
    }

    /// A scalar as a free value: YAML 1.2 typing for plain scalars, text for quoted ones.
    static func value(_ scalar: YAMLNode.Scalar) -> ConfigValue {
        switch PlainScalar.value(scalar) {
        case .null: .null
        case .string: .string(scalar.string)
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        }
    }

    /// Where inside a single-line scalar `token` starts, so a cron error points at the bad field.
    static func location(of token: String?, in node: YAMLNode) -> SourceLocation? {
        guard case .scalar(let scalar) = node else { return nil }
        let mark = (line: Int(scalar.mark.line), column: Int(scalar.mark.column))
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        guard let token, !token.isEmpty, let range = scalar.string.range(of: token) else {
            return SourceLocation(line: mark.line, column: mark.column)
        }
        let offset = scalar.string.unicodeScalars.distance(
            from: scalar.string.unicodeScalars.startIndex, to: range.lowerBound)
        return SourceLocation(line: mark.line, column: mark.column + quoted + offset)
    }
}
