/// A free-form value from config (`with:`, `vars:`): strings are templates and may hold secret references.
public enum ConfigValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ConfigValue])
    case map([String: ConfigValue])

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Every string inside this value, with its key path below `path`.
    public func strings(at path: String) -> [(path: String, value: String)] {
        switch self {
        case .string(let value): [(path, value)]
        case .list(let items): items.enumerated().flatMap { $1.strings(at: "\(path)[\($0)]") }
        case .map(let entries): entries.sorted { $0.key < $1.key }.flatMap { $1.strings(at: "\(path).\($0)") }
        case .int, .double, .bool, .null: []
        }
    }
}
