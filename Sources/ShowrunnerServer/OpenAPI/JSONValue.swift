/// A JSON value written with Swift literals: how the OpenAPI document spells its schemas.
enum JSONValue: Sendable, Equatable, Encodable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// JSON Schema (2020-12, as OpenAPI 3.1 uses it) shorthands.
enum Schema {
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let nullableInteger: JSONValue = ["type": ["integer", "null"]]
    static let nullableDateTime: JSONValue = ["type": ["string", "null"], "format": "date-time"]
    /// Free JSON (step outputs).
    static let anyObject: JSONValue = ["type": "object", "additionalProperties": true]

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func nullable(_ name: String) -> JSONValue { ["oneOf": [ref(name), ["type": "null"]]] }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }

    static func nullableEnumeration(_ values: [String]) -> JSONValue {
        ["type": ["string", "null"], "enum": .array(values.map(JSONValue.string) + [.null])]
    }

    /// An object whose properties are all present (the API writes null rather than leaving a key out).
    static func object(_ description: String, _ properties: [String: JSONValue]) -> JSONValue {
        [
            "type": "object", "description": .string(description), "properties": .object(properties),
            "required": .array(properties.keys.sorted().map(JSONValue.string)),
        ]
    }
}
