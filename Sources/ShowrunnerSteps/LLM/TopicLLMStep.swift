import Foundation
import ShowrunnerCore

/// `topic.llm`: asks the model for a new topic (`title`, kept within YouTube's title limits) and its `angle`. The
/// account's recent titles are sent so the topic does not repeat one; a reply that nearly repeats one anyway fails
/// as `transient`, so the retry policy asks again. A dry run asks nothing (it would cost money) and returns
/// placeholders that say so.
public struct TopicLLMStep: Step {
    static let defaultTemperature = 0.9
    static let defaultAvoidRecent = 30
    static let avoidRecentRange = 0...500
    static let shape = ReplyShape([.text("title"), .text("angle")])

    let connection: LLMConnection
    let similarity: TitleSimilarity

    public init(
        http: HTTPClient, resolveSecret: @escaping SecretReference.Resolver,
        clock: any Clock<Duration> = ContinuousClock(), similarity: TitleSimilarity = TitleSimilarity()
    ) {
        connection = LLMConnection(http: http, resolveSecret: resolveSecret, clock: clock)
        self.similarity = similarity
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        try await topic(context, dryRun: context.dryRun)
    }

    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await topic(context, dryRun: true)
    }

    private func topic(_ context: StepContext, dryRun: Bool) async throws -> StepResult {
        let options = try LLMOptions.from(context, defaultTemperature: Self.defaultTemperature)
        let avoidRecent = try self.avoidRecent(context)
        let prompt = try context.trimmedString("prompt")
        if dryRun {
            let note = context.redact(LLMConnection.dryRunNote("topic.llm", options: options))
            return StepResult(outputs: ["title": .string("Dry-run topic"), "angle": .string(note + ".")])
        }
        let recent = try await recentTitles(context, limit: avoidRecent)
        let channel = context.account.channel
        let messages = TopicPrompt(
            channelType: channel.type, language: channel.language, prompt: prompt, recentTitles: recent
        ).messages
        let reply = try await connection.ask(messages, shape: Self.shape, options: options, context: context)
        // The topic may become the video's title as it is (`script.template`), so it gets YouTube's title limits.
        let title = YouTubeMetadataFit.title(reply["title"]?.stringValue ?? "")
        guard !title.isEmpty else {
            throw StepFailure(.transient, "the model's title is empty once '<' and '>' are removed.")
        }
        if let repeated = similarity.nearDuplicate(of: title, in: recent) {
            let message =
                "the model repeated a recent topic: \(ChatReply.excerpt(title)) is too close to "
                + "\(ChatReply.excerpt(repeated))."
            throw StepFailure(.transient, context.redact(message))
        }
        return StepResult(outputs: ["title": .string(title), "angle": reply["angle"] ?? .string("")])
    }

    private func avoidRecent(_ context: StepContext) throws(StepFailure) -> Int {
        let count = try context.int("avoid_recent") ?? Self.defaultAvoidRecent
        guard Self.avoidRecentRange.contains(count) else {
            throw StepFailure(
                .permanent,
                "input 'avoid_recent' must be a number of runs from 0 to \(Self.avoidRecentRange.upperBound).")
        }
        return count
    }

    /// A store error is transient: the database may be busy or briefly unavailable.
    private func recentTitles(_ context: StepContext, limit: Int) async throws -> [String] {
        guard limit > 0 else { return [] }
        do {
            return try await context.stores.recentTitles.recentTitles(accountID: context.account.id, limit: limit)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StepFailure(.transient, context.redact("could not read the account's recent titles: \(error)."))
        }
    }
}
