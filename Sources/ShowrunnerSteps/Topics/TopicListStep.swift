import ShowrunnerCore

/// `topic.list`: the next topic from a list of items or a file, never repeating for the account until every topic
/// was used; then the list starts over.
public struct TopicListStep: Step {
    enum Order: String { case sequential, shuffle }

    public init() {}

    /// Marks the chosen topic used, except in a dry run.
    public func run(_ context: StepContext) async throws -> StepResult {
        try await pick(context, markUsed: !context.dryRun)
    }

    /// Chooses as a real run would, without marking the topic used.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await pick(context, markUsed: false)
    }

    private func pick(_ context: StepContext, markUsed: Bool) async throws -> StepResult {
        let list = try TopicList.load(from: context)
        let order = try self.order(context)
        let remaining = try await remainingTopics(of: list, context: context, mayReset: markUsed)
        let index = order == .shuffle ? min(max(context.randomIndex(remaining.count), 0), remaining.count - 1) : 0
        let topic = remaining[index]
        if markUsed {
            try await storeCall("record the chosen topic") {
                try await context.topics.markTopicUsed(
                    accountID: context.account.id, list: list.id, topic: topic, runID: context.run.id,
                    at: context.now())
            }
        }
        return StepResult(outputs: ["title": .string(topic)])
    }

    private func order(_ context: StepContext) throws(StepFailure) -> Order {
        guard let text = try context.trimmedString("order") else { return .sequential }
        guard let order = Order(rawValue: text) else {
            throw StepFailure(.permanent, "input 'order' must be sequential or shuffle, found '\(text)'.")
        }
        return order
    }

    /// The topics not used yet, in list order; when all were used, the usage is cleared (if `mayReset`) and the
    /// whole list is available again.
    private func remainingTopics(of list: TopicList, context: StepContext, mayReset: Bool) async throws -> [String] {
        let accountID = context.account.id
        let used = try await storeCall("read the used topics") {
            try await context.topics.usedTopics(accountID: accountID, list: list.id)
        }
        let remaining = list.topics.filter { !used.contains($0) }
        guard remaining.isEmpty else { return remaining }
        if mayReset {
            try await storeCall("reset the used topics") {
                try await context.topics.resetTopics(accountID: accountID, list: list.id)
            }
        }
        return list.topics
    }

    /// A store error is transient: the database may be busy or briefly unavailable.
    private func storeCall<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error where error is StepFailure || error is CancellationError {
            throw error
        } catch {
            throw StepFailure(.transient, "could not \(what): \(error).")
        }
    }
}
