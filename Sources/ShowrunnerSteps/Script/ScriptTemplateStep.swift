import Foundation
import ShowrunnerCore

/// `script.template`: a script from inputs the engine already rendered; `text` defaults to the title.
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
        let text = try context.trimmedString("text") ?? title
        return StepResult(outputs: [
            "title": .string(title), "description": .string(description),
            "tags": .list(tags.map { .string($0) }), "text": .string(text),
        ])
    }

    /// Pure: a dry run produces the same script.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        try await run(context)
    }
}
