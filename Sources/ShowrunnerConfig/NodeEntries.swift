import ShowrunnerYAML

/// A mapping's entries by key, as a decoder reads them: a handful of keys, so a search of a small array (in file
/// order) costs less than hashing each key into a dictionary, which every mapping of 10,000 files used to build.
struct NodeEntries {
    private var pairs: [(key: String, node: YAMLNode)] = []

    init(capacity: Int = 0) { pairs.reserveCapacity(capacity) }

    /// The value of `key` (the last one written, as a dictionary would keep it).
    subscript(key: String) -> YAMLNode? {
        var index = pairs.count - 1
        while index >= 0 {
            if pairs[index].key == key { return pairs[index].node }
            index -= 1
        }
        return nil
    }

    mutating func append(_ key: String, _ node: YAMLNode) { pairs.append((key, node)) }
}
