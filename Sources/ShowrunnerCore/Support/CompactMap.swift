/// A small string-keyed map kept as one array of its entries, sorted by key: how an account stores its `vars:` and
/// step overrides. A `Dictionary` of four entries takes over 500 bytes with its spare buckets, and every account
/// of the daemon holds several; this takes its entries and an array header. Read it as a dictionary where it is used.
struct CompactMap<Value: Sendable & Hashable>: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        let key: String
        let value: Value
    }

    /// Sorted by key, so equal maps are equal arrays.
    private let entries: [Entry]

    init(_ dictionary: [String: Value]) {
        entries = dictionary.map { Entry(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }

    var dictionary: [String: Value] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
    }
}
