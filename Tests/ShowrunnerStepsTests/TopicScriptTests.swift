import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// YAML topics files with scripts: `topic.list` outputs the chosen topic's script and scenes, `script.template`
/// speaks it instead of its `text`, a bare title still works, and a malformed entry is a clear error.
struct TopicScriptTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    static let yaml = """
        - title: Saturn floats
          scenes:
            - text: Saturn is less dense than water.
              keywords: [saturn, water]
            - text: Its rings are thin.
              keywords: rings, ice
        - title: Venus is hot
          script: Venus is the hottest planet.
        - Just a title
        """

    private func pick(_ file: String, index: Int) async throws -> StepResult {
        try await TopicListStep().run(
            fixture.context(["file": .string(file)], randomIndex: { _ in index }))
    }

    @Test func aTopicWithScenesOutputsItsScriptAndScenes() async throws {
        try fixture.write(Self.yaml, to: "topics/space.yaml")
        let result = try await pick("topics/space.yaml", index: 0)
        #expect(result.outputs["title"] == .string("Saturn floats"))
        #expect(result.outputs["script"] == .string("Saturn is less dense than water. Its rings are thin."))
        #expect(
            result.outputs["scenes"]
                == .list([
                    .map(["text": .string("Saturn is less dense than water."), "keywords": .strings("saturn", "water")]
                    ),
                    .map(["text": .string("Its rings are thin."), "keywords": .strings("rings", "ice")]),
                ]))

        let script = try await ScriptTemplateStep().run(
            fixture.context([
                "title": result.outputs["title"]!, "text": .string("Fallback."), "script": result.outputs["script"]!,
                "scenes": result.outputs["scenes"]!,
            ]))
        #expect(script.outputs["text"] == .string("Saturn is less dense than water. Its rings are thin."))
        #expect(script.outputs["scenes"] == result.outputs["scenes"])
    }

    @Test func aScriptAndABareTitleWork() async throws {
        try fixture.write(Self.yaml, to: "topics/space.yml")
        let scripted = try await pick("topics/space.yml", index: 0)
        #expect(scripted.outputs["title"] == .string("Saturn floats"))
        let venus = try await pick("topics/space.yml", index: 0)
        #expect(venus.outputs["script"] == .string("Venus is the hottest planet."))
        let bare = try await pick("topics/space.yml", index: 0)
        #expect(bare.outputs == ["title": .string("Just a title")])
        let script = try await ScriptTemplateStep().run(
            fixture.context(["title": bare.outputs["title"]!, "text": .string("Fallback.")]))
        #expect(script.outputs["text"] == .string("Fallback."))
    }

    @Test(arguments: [
        ("title: not a list", "topics file 'topics/bad.yaml' must be a list of topics (- title: …)."),
        (
            "- title: A\n  scenes: [{keywords: [x]}]",
            "topics file 'topics/bad.yaml': topic 1 must be a title or {title, script or scenes: [{text, keywords}]}."
        ),
        (
            "- [unclosed",
            "topics file 'topics/bad.yaml', line 2, column 1: YAML syntax error: did not find expected ',' or ']'"
        ),
        // Located and worded as a config file's error: the duplicate key named, an unclosed quote where it opens.
        (
            "- title: A\n  title: B",
            "topics file 'topics/bad.yaml', line 1, column 3: duplicate key 'title' in one mapping; each key may "
                + "appear once."
        ),
        (
            "- title: ok\n- title: \"never closed\n- title: next",
            "topics file 'topics/bad.yaml', line 2, column 10: YAML syntax error: found unexpected end of stream"
        ),
    ])
    func aMalformedFileIsAClearError(_ yaml: String, _ message: String) async throws {
        try fixture.write(yaml, to: "topics/bad.yaml")
        let failure = await stepFailure { try await pick("topics/bad.yaml", index: 0) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasPrefix(message) == true, "\(failure?.message ?? "")")
    }

    /// A topics file is read with the config files' limits: a 600-byte alias bomb (9^9 values once expanded) or a
    /// file nested too deep is refused at its place, at once, instead of filling the daemon's memory.
    @Test(arguments: [
        (
            "- title: ok\n- title: bomb\n  junk:\n" + Self.bomb(indent: "    "),
            "topics file 'topics/bad.yaml', line 8, column 14: alias '*a3' makes the file expand to more than 10000"
        ),
        (
            "- title: " + String(repeating: "[", count: 150),
            "topics file 'topics/bad.yaml', line 1, column 108: the file nests deeper than 100 levels"
        ),
    ])
    func aHostileFileIsRefusedAtItsPlace(_ yaml: String, _ message: String) async throws {
        try fixture.write(yaml, to: "topics/bad.yaml")
        let failure = await stepFailure { try await pick("topics/bad.yaml", index: 0) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasPrefix(message) == true, "\(failure?.message ?? "")")
    }

    /// Nine levels of nine aliases (9^9 ≈ 387 million values once expanded) in about 600 bytes.
    static func bomb(indent: String) -> String {
        var text = indent + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
            text += indent + "a\(level): &a\(level) [\(aliases)]\n"
        }
        return text
    }

    /// Plain values are text, as in config files (YAML 1.2 typing of our own reader): Yams read `1984` or `yes` as a
    /// number or a boolean and refused the topic. A merge key is refused by name rather than dropped.
    @Test func plainValuesAreTextAndAMergeKeyIsAnError() throws {
        let entries = try TopicEntry.parse(
            yaml: "- 1984\n- yes\n- title: 3.14\n  script: Pi.\n  keywords: [moon, 2024]\n", name: "t.yaml")
        #expect(entries.map(\.title) == ["1984", "yes", "3.14"])
        #expect(entries[2].scenes.first?.keywords == ["moon", "2024"])
        do {
            _ = try TopicEntry.parse(yaml: "- &a { title: x }\n- { <<: *a, title: y }\n", name: "t.yaml")
            Issue.record("a merge key was accepted")
        } catch {
            #expect(error.message.contains("topic 2 uses a merge key (<<)"), "\(error.message)")
        }
    }

    /// Every shipped topic carries a script of 120–160 words, so every example account speaks 45–60 s.
    @Test(arguments: ["space", "cooking", "history"])
    func theShippedTopicsCarryScriptsOf120To160Words(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("topics/\(name).yaml")
        let entries = try TopicEntry.parse(yaml: String(contentsOf: file, encoding: .utf8), name: name)
        #expect(entries.count >= 8)
        for entry in entries {
            let words = entry.script?.split(whereSeparator: \.isWhitespace).count ?? 0
            #expect((120...160).contains(words), "\(entry.title): \(words) words")
            #expect(entry.scenes.allSatisfy { !$0.keywords.isEmpty }, "\(entry.title): a scene without keywords")
        }
    }
}
