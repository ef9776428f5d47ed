/// The channels page's search index: every account once (the first file of a duplicated id), with its id and name
/// lowercased into one key, built once per config change instead of lowercasing 10,000 names per request.
enum ChannelSearch {
    struct Entry: Sendable {
        var id: String
        var name: String?
        /// `id` and `name`, lowercased, apart by a character no search contains.
        var key: String
    }

    static func entries(_ names: [(id: String, name: String?)]) -> [Entry] {
        var seen: Set<String> = []
        return names.compactMap { account in
            guard seen.insert(account.id).inserted else { return nil }
            let key = account.id.lowercased() + "\u{0}" + (account.name?.lowercased() ?? "")
            return Entry(id: account.id, name: account.name, key: key)
        }
    }
}
