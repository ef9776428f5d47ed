import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct ScriptTemplateStepTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    @Test func trimsAndDefaultsTheTextToTheTitle() async throws {
        let result = try await ScriptTemplateStep().run(
            fixture.context(["title": .string("  Pasta night \n"), "tags": .string("food, pasta ,, quick ")]))
        #expect(
            result.outputs == [
                "title": .string("Pasta night"), "description": .string(""),
                "tags": .strings("food", "pasta", "quick"), "text": .string("Pasta night"),
                "scenes": .list([.map(["text": .string("Pasta night"), "keywords": .strings("pasta", "night")])]),
            ])
    }

    @Test func passesTextDescriptionAndTagList() async throws {
        let result = try await ScriptTemplateStep().run(
            fixture.context([
                "title": .string("Bread"), "text": .string(" Knead it. "), "description": .string("How to"),
                "tags": .strings(" bread ", "baking"),
            ]))
        #expect(result.outputs["text"] == .string("Knead it."))
        #expect(result.outputs["description"] == .string("How to"))
        #expect(result.outputs["tags"] == .strings("bread", "baking"))
    }

    @Test(arguments: [ConfigValue.string("   "), .null])
    func anEmptyTitleFailsPermanently(_ title: ConfigValue) async throws {
        let failure = await stepFailure { try await ScriptTemplateStep().run(fixture.context(["title": title])) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains("title") == true)
    }
}
