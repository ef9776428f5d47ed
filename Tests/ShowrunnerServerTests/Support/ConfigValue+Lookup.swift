import ShowrunnerCore

/// Reading JSON answers (decoded as `ConfigValue`) in assertions: `json["runs"]?[0]?["id"]?.stringValue`.
extension ConfigValue {
    subscript(key: String) -> ConfigValue? {
        guard case .map(let entries) = self else { return nil }
        return entries[key]
    }

    subscript(index: Int) -> ConfigValue? {
        guard case .list(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var items: [ConfigValue] {
        guard case .list(let items) = self else { return [] }
        return items
    }

    var keys: Set<String> {
        guard case .map(let entries) = self else { return [] }
        return Set(entries.keys)
    }

    var intValue: Int? {
        guard case .int(let value) = self else { return nil }
        return value
    }

    var boolValue: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    var isNull: Bool { self == .null }
}

extension ConfigValue {
    var entries: [String: ConfigValue] {
        guard case .map(let entries) = self else { return [:] }
        return entries
    }

    /// Every `$ref` anywhere inside.
    var references: [String] {
        switch self {
        case .map(let entries):
            entries.flatMap { key, value in key == "$ref" ? [value.stringValue ?? ""] : value.references }
        case .list(let items): items.flatMap(\.references)
        default: []
        }
    }
}
