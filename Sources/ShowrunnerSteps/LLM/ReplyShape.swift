import Foundation
import ShowrunnerCore

/// The JSON object a model must reply with, declared field by field, and the check that takes what is needed
/// from a reply: texts trimmed, absent optional fields filled with "" or [], other keys ignored.
public struct ReplyShape: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A string; when required it must not be blank.
        case text
        /// A list of strings (blank ones dropped); a single string is split on commas.
        case textList
        /// A list of `{text, keywords}` (keywords a list or comma-separated); malformed items are dropped, and a
        /// value that is not a list counts as none.
        case sceneList
    }

    public struct Field: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        public let required: Bool

        public static func text(_ name: String, required: Bool = true) -> Field {
            Field(name: name, kind: .text, required: required)
        }

        public static func textList(_ name: String, required: Bool = true) -> Field {
            Field(name: name, kind: .textList, required: required)
        }

        /// Always optional.
        public static func sceneList(_ name: String) -> Field {
            Field(name: name, kind: .sceneList, required: false)
        }
    }

    public let fields: [Field]

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// The declared fields of `object`, or every problem found, one phrase each (`'angle' is missing`).
    public func check(_ object: [String: ConfigValue]) -> Result<[String: ConfigValue], Mismatch> {
        var checked: [String: ConfigValue] = [:]
        var problems: [String] = []
        for field in fields {
            switch Self.value(of: field, in: object) {
            case .success(let value): checked[field.name] = value
            case .failure(let problem): problems.append(problem.description)
            }
        }
        return problems.isEmpty ? .success(checked) : .failure(Mismatch(problems: problems))
    }

    /// What was wrong with a reply.
    public struct Mismatch: Error, Sendable, Equatable, CustomStringConvertible {
        public let problems: [String]
        public var description: String { problems.joined(separator: "; ") }
    }

    private struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private static func value(of field: Field, in object: [String: ConfigValue]) -> Result<ConfigValue, Problem> {
        let name = "'\(field.name)'"
        if field.kind == .sceneList {
            return .success(.list(SceneKeywords.scripted(object[field.name]).filter { !$0.text.isEmpty }.map(\.value)))
        }
        switch (field.kind, object[field.name]) {
        case (_, nil), (_, .null?):
            guard !field.required else { return .failure(Problem(description: "\(name) is missing")) }
            return .success(field.kind == .text ? .string("") : .list([]))
        case (.text, .string(let text)?):
            let trimmed = text.trimmingWhitespace()
            guard !(field.required && trimmed.isEmpty) else {
                return .failure(Problem(description: "\(name) is empty"))
            }
            return .success(.string(trimmed))
        case (.text, _):
            return .failure(Problem(description: "\(name) is not a string"))
        case (.textList, .string(let text)?):
            return items(text.split(separator: ",").map(String.init), field: field)
        case (.textList, .list(let values)?):
            let texts = values.compactMap(\.stringValue)
            guard texts.count == values.count else {
                return .failure(Problem(description: "\(name) is not a list of strings"))
            }
            return items(texts, field: field)
        case (.textList, _):
            return .failure(Problem(description: "\(name) is not a list of strings"))
        case (.sceneList, _):
            return .success(.list([]))  // handled above
        }
    }

    private static func items(_ texts: [String], field: Field) -> Result<ConfigValue, Problem> {
        let items = texts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !(field.required && items.isEmpty) else {
            return .failure(Problem(description: "'\(field.name)' is empty"))
        }
        return .success(.list(items.map(ConfigValue.string)))
    }
}
