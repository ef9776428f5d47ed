import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// Search words per scene: the script's keywords for the scene it matches, else the sentence's own longest words.
struct SceneKeywordsTests {
    static let scripted = [
        ScriptScene(text: "In 1815 Mount Tambora erupted.", keywords: ["volcano", "eruption", "ash", "smoke"]),
        ScriptScene(text: "Crops froze in New England that June.", keywords: ["frost", "farm"]),
    ]

    @Test(arguments: [
        ("Mount Tambora erupted with force.", "volcano eruption ash"),
        ("Crops froze in June.", "frost farm"),
        ("The harbour was quiet for weeks.", "harbour quiet weeks"),
        ("It was 1816 and it was cold.", "cold"),
        ("", ""),
    ])
    func queries(text: String, query: String) {
        #expect(SceneKeywords.query(for: text, scripted: Self.scripted) == query)
    }

    @Test(arguments: [
        ("Lava poured from the enormous volcano.", ["poured", "enormous", "volcano"]),
        ("The sky, the sky and the sea.", ["sky", "sea"]),
    ])
    func derivedKeywordsKeepSpokenOrder(text: String, words: [String]) {
        #expect(SceneKeywords.derived(from: text) == words)
    }

    @Test func scriptTemplateDerivesScenesFromTheSentences() async throws {
        let fixture = try StepFixture()
        let result = try await ScriptTemplateStep().run(
            fixture.context(["title": .string("t"), "text": .string("Lava poured out. Ships waited.")]))
        #expect(
            result.outputs["scenes"]
                == .list([
                    ScriptScene(text: "Lava poured out.", keywords: ["lava", "poured"]).value,
                    ScriptScene(text: "Ships waited.", keywords: ["ships", "waited"]).value,
                ]))
    }
}
