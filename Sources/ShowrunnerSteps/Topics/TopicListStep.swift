import ShowrunnerCore

/// `topic.list`: the next topic from a list of items or a file, never repeating for the account. When every topic
/// was used, `on_exhausted` decides: `stop` (default: the run is skipped and the account paused), `skip` (the run
/// is skipped; new topics are picked up by the next fire) or `repeat` (the list starts over). A topic of a YAML
/// file that carries a script also outputs `script` and `scenes` (`[{text, keywords}]`).
public struct TopicListStep: Step {
    enum Order: String { case sequential, shuffle }
    enum Exhausted: String { case stop, skip, `repeat` }

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
        let exhausted = try self.exhausted(context)
        var remaining = try await unusedTopics(of: list, context: context)
        if remaining.isEmpty {
            guard exhausted == .repeat else { return Self.skipRun(list, pausing: exhausted == .stop) }
            if markUsed { try await reset(list, context: context) }
            remaining = list.topics
        }
        let index = order == .shuffle ? min(max(context.randomIndex(remaining.count), 0), remaining.count - 1) : 0
        let topic = remaining[index]
        if markUsed {
            try await storeCall("record the chosen topic") {
                try await context.stores.topics.markTopicUsed(
                    accountID: context.account.id, list: list.id, topic: topic, runID: context.run.id,
                    at: context.now())
            }
        }
        var outputs: [String: ConfigValue] = ["title": .string(topic)]
        if let entry = list.entries[topic], let script = entry.script {
            outputs["script"] = .string(script)
            outputs["scenes"] = .list(entry.scenes.map(\.value))
        }
        return StepResult(outputs: outputs)
    }

    /// The run has nothing to make: every topic was used.
    static func skipRun(_ list: TopicList, pausing: Bool) -> StepResult {
        let what = "every topic of \(list.name) was used (\(list.topics.count) topics); add topics to it"
        let reason = pausing ? what + ", then resume the account (on_exhausted: stop)" : what + " (on_exhausted: skip)"
        return StepResult(outputs: [:], skipsRun: RunSkip(reason: reason, pausesAccount: pausing))
    }

    private func order(_ context: StepContext) throws(StepFailure) -> Order {
        guard let text = try context.trimmedString("order") else { return .sequential }
        guard let order = Order(rawValue: text) else {
            throw StepFailure(.permanent, "input 'order' must be sequential or shuffle, found '\(text)'.")
        }
        return order
    }

    private func exhausted(_ context: StepContext) throws(StepFailure) -> Exhausted {
        guard let text = try context.trimmedString("on_exhausted") else { return .stop }
        guard let value = Exhausted(rawValue: text) else {
            throw StepFailure(.permanent, "input 'on_exhausted' must be stop, skip or repeat, found '\(text)'.")
        }
        return value
    }

    /// The topics not used yet, in list order.
    private func unusedTopics(of list: TopicList, context: StepContext) async throws -> [String] {
        let accountID = context.account.id
        let used = try await storeCall("read the used topics") {
            try await context.stores.topics.usedTopics(accountID: accountID, list: list.id)
        }
        return list.topics.filter { !used.contains($0) }
    }

    private func reset(_ list: TopicList, context: StepContext) async throws {
        let accountID = context.account.id
        try await storeCall("reset the used topics") {
            try await context.stores.topics.resetTopics(accountID: accountID, list: list.id)
        }
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
