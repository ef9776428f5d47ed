import Foundation

/// The channels page's search index: every account once (the first file of a duplicated id), with its id and name
/// lowercased into one key, built once per config change instead of lowercasing 10,000 names per request. A search
/// compares UTF-8 bytes (`memchr`, `memcmp`), not Foundation strings.
enum ChannelSearch {
    struct Entry: Sendable {
        var id: String
        var name: String?
        /// `id` and `name`, lowercased, apart by a character no search contains, as UTF-8.
        var key: [UInt8]
    }

    static func entries(_ names: [(id: String, name: String?)]) -> [Entry] {
        var seen: Set<String> = []
        return names.compactMap { account in
            guard seen.insert(account.id).inserted else { return nil }
            let key = account.id.lowercased() + "\u{0}" + (account.name?.lowercased() ?? "")
            return Entry(id: account.id, name: account.name, key: Array(key.utf8))
        }
    }

    /// The entries whose id or name contains `search` (case-insensitive); all of them for an empty search.
    static func matching(_ entries: [Entry], _ search: String) -> [Entry] {
        let needle = Array(search.lowercased().utf8)
        guard !needle.isEmpty else { return entries }
        return needle.withUnsafeBytes { needle in
            entries.filter { entry in
                entry.key.withUnsafeBytes { key in contains(key, needle) }
            }
        }
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count else {
            return false
        }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
            let offset = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }
}
