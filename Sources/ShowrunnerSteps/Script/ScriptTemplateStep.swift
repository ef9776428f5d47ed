import Foundation
import ShowrunnerCore

/// `script.template`: a script from inputs the engine already rendered. The text is the topic's own `script` when
/// the topics file carries one (wired from `topic.list`), else `text`, else the title; `scenes` passes through, or
/// is derived from the text's sentences (keywords from each sentence's words) for stock footage searches.
public struct ScriptTemplateStep: Step {
    public init() {}

    public func run(_ context: StepContext) async throws -> StepResult {
        guard let title = try context.trimmedString("title") else {
            throw StepFailure(.permanent, "input 'title' is empty; the \(context.stepID) step needs a title.")
        }
        let description = try context.trimmedString("description") ?? ""
        let tags = try (context.stringList("tags") ?? [])
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        let text = try context.trimmedString("script") ?? context.trimmedString("text") ?? title
        var outputs: [String: ConfigValue] = [
            "title": .string(title), "description": .string(description),
            "tags": .list(tags.map { .string($0) }), "text": .string(text),
        ]
        if let scenes = context.inputs["scenes"], case .list(let items) = scenes, !items.isEmpty {
            outputs["scenes"] = scenes
        } else {
            outputs["scenes"] = Self.derivedScenes(text)
        }
        return StepResult(outputs: outputs)
    }

    /// One scene per sentence of `text`, its keywords the sentence's own longest words (`SceneKeywords`).
    static func derivedScenes(_ text: String) -> ConfigValue {
        .list(
            SentenceSplitter.sentences(in: text).filter { $0.contains { $0.isLetter } }.map { sentence in
                ScriptScene(text: sentence, keywords: SceneKeywords.derived(from: sentence)).value
            })
    }

    /// Pure: a dry run produces the same script.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await run(context)
    }
}
