/// A `topic.list` step of one account whose list could be read: what `TopicSupply.warning` checks against the
/// list's used topics. Built without the store, so `validate` finds these for 10,000 accounts on every core.
public struct TopicDemand: Sendable {
    public let stepID: String
    /// The list's id in the store (`file:topics/cooking.txt`), to ask which topics are used.
    public var listID: String { list.id }
    let list: TopicList
    let policy: String
}
