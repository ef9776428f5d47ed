import Foundation
import ShowrunnerCore

/// Topics files read once per check of many accounts: `validate` on 10,000 accounts that share four topics files
/// would otherwise read and parse each file 2,500 times. Only for one pass over one config folder (files are
/// remembered by the name the config writes, so no path is built per account); a run always reads the file afresh.
public final class TopicListCache: Sendable {
    private let lists = BoundedMemo<String, TopicList?>(limit: 100_000)

    public init() {}

    /// `TopicList.load`, remembered by the file's name as written; inline `items` are not cached.
    func load(items: [String]?, file: String?, path: (String) -> URL) -> TopicList? {
        guard items == nil, let file else { return try? TopicList.load(items: items, file: file, path: path) }
        return lists.value(for: file) { try? TopicList.load(items: nil, file: $0, path: path) }
    }
}
