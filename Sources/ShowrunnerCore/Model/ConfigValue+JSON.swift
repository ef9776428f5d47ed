import Foundation

/// `ConfigValue` as JSON: step outputs are stored and shown as JSON objects.
extension ConfigValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([ConfigValue].self) {
            self = .list(list)
        } else {
            self = .map(try container.decode([String: ConfigValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        }
    }

    /// The value as compact JSON text with sorted keys.
    public static func jsonText(_ values: [String: ConfigValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public static func decodeJSON(_ text: String) -> [String: ConfigValue]? {
        try? JSONDecoder().decode([String: ConfigValue].self, from: Data(text.utf8))
    }

    /// Text as a template would insert it: strings as they are, numbers and booleans printed, lists joined by
    /// ", ", mappings as JSON.
    public var renderedText: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .null: ""
        case .list(let items): items.map(\.renderedText).joined(separator: ", ")
        case .map(let entries): ConfigValue.jsonText(entries)
        }
    }
}
