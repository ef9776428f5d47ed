import Foundation
import ShowrunnerCore

/// `TopicStore` in memory, recording every call.
actor InMemoryTopicStore: TopicStore {
    struct Mark: Equatable {
        var accountID: String
        var list: String
        var topic: String
        var runID: String
    }

    private(set) var used: [String: Set<String>] = [:]
    private(set) var marks: [Mark] = []
    private(set) var resets = 0

    func usedTopics(accountID: String, list: String) async throws -> Set<String> {
        used["\(accountID)|\(list)"] ?? []
    }

    func markTopicUsed(accountID: String, list: String, topic: String, runID: String, at date: Date) async throws {
        used["\(accountID)|\(list)", default: []].insert(topic)
        marks.append(Mark(accountID: accountID, list: list, topic: topic, runID: runID))
    }

    func resetTopics(accountID: String, list: String) async throws {
        used["\(accountID)|\(list)"] = []
        resets += 1
    }

    /// The list ids used so far.
    var lists: Set<String> { Set(marks.map(\.list)) }
}
