import Foundation
import ShowrunnerCore

/// `script.template`: a script from inputs the engine already rendered. The text is the topic's own `script` when
/// the topics file carries one (wired from `topic.list`), else `text`, else the title; `scenes` passes through.
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
        if let scenes = context.inputs["scenes"], case .list = scenes { outputs["scenes"] = scenes }
        return StepResult(outputs: outputs)
    }

    /// Pure: a dry run produces the same script.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await run(context)
    }
}
