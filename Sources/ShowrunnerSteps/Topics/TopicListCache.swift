import Foundation
import ShowrunnerCore
import Synchronization

/// Topics files read once per check of many accounts: `validate` on 10,000 accounts that share four topics files
/// would otherwise read and parse each file 2,500 times. Only for one pass; a run always reads the file afresh.
public final class TopicListCache: Sendable {
    private let lists = Mutex<[String: TopicList?]>([:])

    public init() {}

    /// `TopicList.load`, remembered by the file's URL; inline `items` are not cached.
    func load(items: [String]?, file: String?, path: (String) -> URL) -> TopicList? {
        guard items == nil, let file else { return try? TopicList.load(items: items, file: file, path: path) }
        let key = path(file).path + "\u{0}" + file
        if let known = lists.withLock({ $0[key] }) { return known }
        let list = try? TopicList.load(items: nil, file: file, path: path)
        lists.withLock { $0[key] = list }
        return list
    }
}
