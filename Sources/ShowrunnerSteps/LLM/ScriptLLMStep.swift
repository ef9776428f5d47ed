import Foundation
import ShowrunnerCore

/// `script.llm`: asks the model for a video's `title`, `description`, `tags` and narration `text` of about
/// `words` words and `scenes` (`[{text, keywords}]`, what to show while each part is said), then makes the metadata fit YouTube's limits (`YouTubeMetadataFit`). A narration far from the
/// asked length is reported as progress and kept. A dry run asks nothing (it would cost money) and returns
/// placeholders that say so.
public struct ScriptLLMStep: Step {
    static let defaultTemperature = 0.7
    static let defaultWords = 150
    static let wordsRange = 10...5000
    static let shape = ReplyShape([
        .text("title"), .text("description", required: false), .textList("tags", required: false), .text("text"),
        .sceneList("scenes"),
    ])

    let connection: LLMConnection

    public init(
        http: HTTPClient, resolveSecret: @escaping SecretReference.Resolver,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        connection = LLMConnection(http: http, resolveSecret: resolveSecret, clock: clock)
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        try await script(context, dryRun: context.dryRun)
    }

    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await script(context, dryRun: true)
    }

    private func script(_ context: StepContext, dryRun: Bool) async throws -> StepResult {
        let options = try LLMOptions.from(context, defaultTemperature: Self.defaultTemperature)
        let channel = context.account.channel
        let prompt = ScriptPrompt(
            channelType: channel.type, language: channel.language, prompt: try context.trimmedString("prompt"),
            topic: try context.requiredString("topic").trimmingWhitespace(),
            angle: try context.trimmedString("angle"), words: try words(context))
        if dryRun { return placeholder(prompt, options: options, context: context) }
        let reply = try await connection.ask(prompt.messages, shape: Self.shape, options: options, context: context)
        return try fitted(reply, prompt: prompt, context: context)
    }

    /// The reply with YouTube's limits applied; what had to change is reported as progress.
    private func fitted(
        _ reply: [String: ConfigValue], prompt: ScriptPrompt, context: StepContext
    ) throws(StepFailure) -> StepResult {
        let rawTitle = reply["title"]?.stringValue ?? ""
        var title = YouTubeMetadataFit.title(rawTitle)
        if title.isEmpty { title = YouTubeMetadataFit.title(prompt.topic) }
        guard !title.isEmpty else {
            throw StepFailure(.transient, "the model's title is empty once '<' and '>' are removed.")
        }
        if title != rawTitle, rawTitle.utf16.count > YouTubeMetadataFit.titleLimit {
            context.progress("title shortened to fit YouTube's \(YouTubeMetadataFit.titleLimit)-character limit")
        }
        let rawTags = reply["tags"].map(Self.texts) ?? []
        let tags = YouTubeMetadataFit.tags(rawTags)
        if YouTubeMetadataFit.tagsLength(rawTags) > YouTubeMetadataFit.tagsLimit {
            context.progress("tags trimmed to fit YouTube's \(YouTubeMetadataFit.tagsLimit)-character limit")
        }
        let text = reply["text"]?.stringValue ?? ""
        if let warning = Self.lengthWarning(text: text, words: prompt.words, language: prompt.language) {
            context.progress(warning)
        }
        return StepResult(outputs: [
            "title": .string(title),
            "description": .string(YouTubeMetadataFit.description(reply["description"]?.stringValue ?? "")),
            "tags": .list(tags.map(ConfigValue.string)),
            "text": .string(text),
            "scenes": Self.scenes(reply["scenes"], text: text),
        ])
    }

    /// The model's `scenes` when it gave any, else the narration's sentences with keywords taken from each.
    static func scenes(_ reply: ConfigValue?, text: String) -> ConfigValue {
        if case .list(let items)? = reply, !items.isEmpty { return .list(items) }
        return ScriptTemplateStep.derivedScenes(text)
    }

    /// A note when the narration is under half or over one and a half times the asked length; nil for languages
    /// written without spaces between words, where counting words by spaces means nothing.
    static func lengthWarning(text: String, words: Int, language: String) -> String? {
        let base = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        guard !["ja", "zh", "th", "lo", "km", "my", "bo"].contains(base) else { return nil }
        let count = text.split(whereSeparator: \.isWhitespace).count
        guard count * 2 < words || count * 2 > words * 3 else { return nil }
        return "the script has \(count) words; about \(words) were asked for (kept as it is)"
    }

    private func words(_ context: StepContext) throws(StepFailure) -> Int {
        let words = try context.int("words") ?? Self.defaultWords
        guard Self.wordsRange.contains(words) else {
            throw StepFailure(
                .permanent,
                "input 'words' must be a number from \(Self.wordsRange.lowerBound) to \(Self.wordsRange.upperBound).")
        }
        return words
    }

    private func placeholder(_ prompt: ScriptPrompt, options: LLMOptions, context: StepContext) -> StepResult {
        let note = context.redact(LLMConnection.dryRunNote("script.llm", options: options))
        let title = YouTubeMetadataFit.title("[dry run] " + prompt.topic)
        return StepResult(outputs: [
            "title": .string(title.isEmpty ? "Dry-run script" : title),
            "description": .string(note + "; about \(prompt.words) words would have been asked for."),
            "tags": .list([.string("dry run")]),
            "text": .string("This is a dry run. No script was written, because a dry run does not call the model."),
        ])
    }

    private static func texts(_ value: ConfigValue) -> [String] {
        if case .list(let items) = value { return items.compactMap(\.stringValue) }
        return []
    }
}
