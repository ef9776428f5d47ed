import Foundation
import ShowrunnerCore
import Synchronization

/// Topics files read once per check of many accounts: `validate` on 10,000 accounts that share four topics files
/// would otherwise read and parse each file 2,500 times. Only for one pass over one config folder (files are
/// remembered by the name the config writes, so no path is built per account); a run always reads the file afresh.
public final class TopicListCache: Sendable {
    private let lists = Mutex<[String: TopicList?]>([:])

    public init() {}

    /// `TopicList.load`, remembered by the file's name as written; inline `items` are not cached.
    func load(items: [String]?, file: String?, path: (String) -> URL) -> TopicList? {
        guard items == nil, let file else { return try? TopicList.load(items: items, file: file, path: path) }
        if let known = lists.withLock({ $0[file] }) { return known }
        let list = try? TopicList.load(items: nil, file: file, path: path)
        lists.withLock { $0[file] = list }
        return list
    }
}
