import Foundation

/// Which topics of a list an account has used, so `topic.list` does not repeat until the list is used up.
public protocol TopicStore: Sendable {
    /// `list` identifies the list (its file path or a hash of its items).
    func usedTopics(accountID: String, list: String) async throws -> Set<String>
    func markTopicUsed(accountID: String, list: String, topic: String, runID: String, at date: Date) async throws
    func resetTopics(accountID: String, list: String) async throws
}
