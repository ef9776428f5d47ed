/// A YAML value as the config decoders read it: scalars keep their text, style and explicit tag, collections their
/// style, every node the line and column where it starts. Composed in one pass over libyaml's events
/// (`YAMLEventComposer`); an alias is a copy of its anchor's node (arrays are shared, not copied).
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Items)

    /// 1-based line and column, as libyaml's 0-based marks plus one.
    public struct Mark: Sendable, Equatable {
        public var line: Int32
        public var column: Int32
    }

    public enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public enum CollectionStyle: Sendable { case block, flow }

    /// Text with its style; `tag` only when one is written (`!!int 5`), nil for the implicit string tag.
    public struct Scalar: Sendable {
        public var string: String
        public var style: ScalarStyle
        public var tag: String?
        public var mark: Mark

        /// `~`, `null` or nothing, unquoted: YAML 1.2's null.
        @inlinable public var isNull: Bool {
            guard style == .plain else { return false }
            switch string {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        }
    }

    /// Key–value pairs in file order.
    public struct Mapping: Sendable, RandomAccessCollection {
        public var pairs: [(key: YAMLNode, value: YAMLNode)]
        public var style: CollectionStyle
        public var mark: Mark

        @inlinable public var startIndex: Int { pairs.startIndex }
        @inlinable public var endIndex: Int { pairs.endIndex }
        @inlinable public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the first plain-text key `key`.
        @inlinable public subscript(key: String) -> YAMLNode? {
            for pair in pairs {
                if case .scalar(let scalar) = pair.key, scalar.tag == nil, scalar.string == key { return pair.value }
            }
            return nil
        }
    }

    /// A list's items.
    public struct Items: Sendable, RandomAccessCollection {
        public var nodes: [YAMLNode]
        public var style: CollectionStyle
        public var mark: Mark

        @inlinable public var startIndex: Int { nodes.startIndex }
        @inlinable public var endIndex: Int { nodes.endIndex }
        @inlinable public subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    @inlinable public var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let items): items.mark
        }
    }

    /// YAML equality of keys (Yams' rule): same kind, same text and tag, same items; marks and styles aside.
    func sameKey(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let lhs), .scalar(let rhs)): lhs.string == rhs.string && lhs.tag == rhs.tag
        case (.sequence(let lhs), .sequence(let rhs)):
            lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.sameKey(as: $1) }
        case (.mapping(let lhs), .mapping(let rhs)):
            lhs.count == rhs.count
                && zip(lhs, rhs).allSatisfy { $0.key.sameKey(as: $1.key) && $0.value.sameKey(as: $1.value) }
        default: false
        }
    }
}
