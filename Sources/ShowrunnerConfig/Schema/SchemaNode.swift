import Foundation

/// One value in a config file as the editor schema describes it (JSON Schema draft 2020-12).
indirect enum SchemaNode: Sendable {
    /// A mapping with fixed keys: `keys` is the decoder's own list, `fields` describes each one.
    case object(description: String, keys: [String], fields: [String: SchemaNode], required: [String] = [])
    /// A mapping with free keys (`vars:`, `with:`, account `steps:`), every value described by `values`.
    case map(description: String, values: SchemaNode)
    /// Any non-null scalar, read as text (`category_id: 26` stays "26").
    case text(description: String, pattern: String? = nil)
    case choice(description: String, values: [String])
    case integer(description: String, range: ClosedRange<Int>)
    case number(description: String, range: ClosedRange<Double>)
    case boolean(description: String)
    /// `250ms`, `90s`, `5m`, `1h30m`, `2d`, or whole seconds.
    case duration(description: String)
    case list(description: String, items: SchemaNode, minItems: Int = 0)
    /// Anything YAML can say (`with:` values).
    case any(description: String)
    /// One of several shapes (`pipeline:` is a name or an inline pipeline).
    case either(description: String, [SchemaNode])

    static let durationPattern = #"^\s*([0-9]+|([0-9]+(ms|s|m|h|d|MS|S|M|H|D))+)\s*$"#

    /// The JSON Schema object for this node.
    var json: [String: Any] {
        switch self {
        case .object(let description, let keys, let fields, let required):
            var properties: [String: Any] = [:]
            for key in keys { properties[key] = fields[key]?.json ?? [:] }
            var object: [String: Any] = [
                "type": "object", "description": description, "properties": properties,
                "additionalProperties": false,
            ]
            if !required.isEmpty { object["required"] = required }
            return object
        case .map(let description, let values):
            return ["type": "object", "description": description, "additionalProperties": values.json]
        case .text(let description, let pattern):
            var object: [String: Any] = ["type": ["string", "number", "boolean"], "description": description]
            if let pattern { object["pattern"] = pattern }
            return object
        case .choice(let description, let values):
            return ["type": "string", "enum": values, "description": description]
        case .integer(let description, let range):
            return [
                "type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound, "description": description,
            ]
        case .number(let description, let range):
            return [
                "type": "number", "minimum": range.lowerBound, "maximum": range.upperBound, "description": description,
            ]
        case .boolean(let description):
            return ["type": "boolean", "description": description]
        case .duration(let description):
            return ["type": ["string", "integer"], "pattern": Self.durationPattern, "description": description]
        case .list(let description, let items, let minItems):
            var object: [String: Any] = ["type": "array", "items": items.json, "description": description]
            if minItems > 0 { object["minItems"] = minItems }
            return object
        case .any(let description):
            return ["description": description]
        case .either(let description, let shapes):
            return ["description": description, "anyOf": shapes.map(\.json)]
        }
    }

    /// Keys a decoder accepts without a description here, or described here but not accepted (paths), for the test
    /// and for `showrunner schema`, which refuses to print a schema out of step with the decoder.
    func mismatches(at path: String = "") -> [String] {
        let join = { (key: String) in path.isEmpty ? key : "\(path).\(key)" }
        switch self {
        case .object(_, let keys, let fields, let required):
            let missing = keys.filter { fields[$0] == nil }.map { "\(join($0)): accepted but not described" }
            let extra = fields.keys.filter { !keys.contains($0) }.sorted().map {
                "\(join($0)): described, not accepted"
            }
            let unknownRequired = required.filter { !keys.contains($0) }.map { "\(join($0)): required, not accepted" }
            let nested = keys.sorted().flatMap { key in fields[key]?.mismatches(at: join(key)) ?? [] }
            return missing + extra + unknownRequired + nested
        case .map(_, let values): return values.mismatches(at: join("*"))
        case .list(_, let items, _): return items.mismatches(at: "\(path)[]")
        case .either(_, let shapes): return shapes.flatMap { $0.mismatches(at: path) }
        default: return []
        }
    }
}
