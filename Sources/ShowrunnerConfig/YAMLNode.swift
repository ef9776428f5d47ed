/// A YAML value as the config decoders read it: scalars keep their text, style and explicit tag, collections their
/// style, every node the line and column where it starts. Composed in one pass over libyaml's events
/// (`YAMLEventComposer`); an alias is a copy of its anchor's node (arrays are shared, not copied).
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Items)

    /// 1-based line and column, as libyaml's 0-based marks plus one.
    struct Mark: Sendable, Equatable {
        var line: Int32
        var column: Int32
    }

    enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    enum CollectionStyle: Sendable { case block, flow }

    /// Text with its style; `tag` only when one is written (`!!int 5`), nil for the implicit string tag.
    struct Scalar: Sendable {
        var string: String
        var style: ScalarStyle
        var tag: String?
        var mark: Mark
    }

    /// Key–value pairs in file order.
    struct Mapping: Sendable, RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var style: CollectionStyle
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the first plain-text key `key`.
        subscript(key: String) -> YAMLNode? {
            for pair in pairs {
                if case .scalar(let scalar) = pair.key, scalar.tag == nil, scalar.string == key { return pair.value }
            }
            return nil
        }
    }

    /// A list's items.
    struct Items: Sendable, RandomAccessCollection {
        var nodes: [YAMLNode]
        var style: CollectionStyle
        var mark: Mark

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    var mark: Mark {
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
