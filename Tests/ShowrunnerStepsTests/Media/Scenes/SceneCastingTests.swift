import Foundation
import Testing

@testable import ShowrunnerSteps

struct SceneCastingTests {
    private func item(_ name: String, _ tags: Set<String> = []) -> LibraryItem {
        LibraryItem(url: URL(fileURLWithPath: "/lib/\(name)"), kind: .still, tags: tags)
    }

    private func scenes(_ texts: [String]) -> [Scene] {
        texts.enumerated().map { Scene(start: Double($0), end: Double($0 + 1), text: $1) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var texts: [String]
        var recent: [String]
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "keywords pick the matching picture", texts: ["The volcano erupted.", "Crops failed in the fields."],
            recent: [], expected: ["volcano.png", "field.png"]),
        Case(
            name: "no match: a picture recent videos did not use", texts: ["Nothing matches.", "Still nothing."],
            recent: ["/lib/sky.png", "/lib/volcano.png"], expected: ["field.png", "sea.png"]),
        Case(
            name: "all recent: the one used longest ago", texts: ["Nothing.", "Nothing again.", "And again."],
            recent: ["/lib/sea.png", "/lib/field.png", "/lib/sky.png", "/lib/volcano.png"],
            expected: ["volcano.png", "sky.png", "field.png"]),
        Case(
            name: "a match is not used twice", texts: ["Volcano one.", "Volcano two."], recent: [],
            expected: ["volcano.png", "field.png"]),
    ]

    @Test(arguments: cases)
    func casts(_ example: Case) {
        let library = [
            item("field.png", ["field", "crop"]), item("sea.png", ["ocean"]), item("sky.png", ["cloud"]),
            item("volcano.png", ["volcano", "lava"]),
        ]
        let chosen = SceneCasting(recent: example.recent, randomIndex: { _ in 0 }).cast(
            scenes(example.texts), from: library)
        #expect(chosen.map(\.url.lastPathComponent) == example.expected)
    }

    @Test func tiesAreBrokenByTheRandomIndex() {
        let library = [item("a.png"), item("b.png"), item("c.png")]
        let chosen = SceneCasting(recent: [], randomIndex: { $0 - 1 }).cast(scenes(["x", "y"]), from: library)
        #expect(chosen.map(\.url.lastPathComponent) == ["c.png", "b.png"])
    }

    @Test func tagsComeFromTheNameAndTheSidecar() {
        #expect(
            MediaLibrary.tags(fileName: "red-volcanoes_at night", sidecar: "tags: [Lava, ash clouds]\n")
                == ["red", "volcano", "night", "lava", "ash", "cloud"])
    }
}
