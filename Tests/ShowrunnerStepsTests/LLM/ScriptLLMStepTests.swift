import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct ScriptLLMStepTests {
    let fixture: LLMFixture
    let step = ScriptLLMStep(http: HTTPClient(timeout: .seconds(60)), resolveSecret: LLMFixture.resolveSecret)
    init() throws { fixture = try LLMFixture() }

    static func narration(words: Int) -> String {
        Array(repeating: "word", count: words).joined(separator: " ")
    }

    @Test func aScriptIsAskedForTheTopicAndAngleAndComesBackChecked() async throws {
        let reply = FakeChatServer.completion(object: [
            "title": "The Maillard Reaction", "description": "Why browning tastes good. #cooking",
            "tags": ["maillard", "#cooking", "Cooking", "food science"], "text": Self.narration(words: 140),
        ])
        let (result, calls) = try await withChatServer([reply]) { server in
            let inputs: [String: ConfigValue] = ["topic": .string("Maillard reaction"), "angle": .string("Flavour.")]
            return (try await step.run(fixture.context(inputs, baseURL: server.baseURL)), server.calls)
        }
        #expect(
            result.outputs == [
                "title": .string("The Maillard Reaction"), "description": .string("Why browning tastes good. #cooking"),
                "tags": .strings("maillard", "cooking", "food science"), "text": .string(Self.narration(words: 140)),
                "scenes": .list([.map(["text": .string(Self.narration(words: 140)), "keywords": .strings("word")])]),
            ])
        #expect(fixture.progress.all.isEmpty)
        let call = try #require(calls.first)
        #expect(call.model == "test-model" && call.responseFormat == "json_object" && call.temperature == 0.7)
        #expect(call.system.contains("about 150 words") && call.system.contains("JSON"))
        #expect(call.user == "Write a short video for a cooking channel.\nTopic: Maillard reaction\nAngle: Flavour.")
    }

    @Test func theModelsScenesAndKeywordsAreKept() async throws {
        let reply = FakeChatServer.completion(object: [
            "title": "Tambora", "text": "The volcano erupted. The summer never came.",
            "scenes": [
                ["text": "The volcano erupted.", "keywords": ["volcano", "eruption"]],
                ["text": "The summer never came.", "keywords": "snow, cold field"], ["keywords": ["no text"]],
            ],
        ])
        let (result, calls) = try await withChatServer([reply]) { server in
            (try await step.run(fixture.context(["topic": .string("Tambora")], baseURL: server.baseURL)), server.calls)
        }
        #expect(
            result.outputs["scenes"]
                == .list([
                    .map(["text": .string("The volcano erupted."), "keywords": .strings("volcano", "eruption")]),
                    .map(["text": .string("The summer never came."), "keywords": .strings("snow", "cold field")]),
                ]))
        #expect(calls.first?.system.contains(#""scenes""#) == true)
    }

    @Test func youTubeLimitsAreEnforcedOnTheResultAndReported() async throws {
        let longTitle = "The <Secret> Science of Browning: " + String(repeating: "really ", count: 15) + "tasty food"
        let tags = (1...40).map { "cooking tag number \($0)" }
        let reply = FakeChatServer.completion(object: [
            "title": longTitle, "description": String(repeating: "é", count: 3000), "tags": tags,
            "text": Self.narration(words: 400),
        ])
        let result = try await withChatServer([reply]) { server in
            try await step.run(
                fixture.context(["topic": .string("Browning"), "words": .int(100)], baseURL: server.baseURL))
        }
        let title = try #require(result.outputs["title"]?.stringValue)
        #expect(title.utf16.count <= 100 && !title.contains("<") && !title.contains(">") && title.hasSuffix("really"))
        #expect(result.outputs["description"]?.stringValue?.utf8.count == 5000)
        guard case .list(let kept)? = result.outputs["tags"] else { Issue.record("no tags"); return }
        #expect(YouTubeMetadataFit.tagsLength(kept.compactMap(\.stringValue)) <= 500 && kept.count < tags.count)
        #expect(result.outputs["text"] == .string(Self.narration(words: 400)), "an off length is kept")
        #expect(
            fixture.progress.all == [
                "title shortened to fit YouTube's 100-character limit",
                "tags trimmed to fit YouTube's 500-character limit",
                "the script has 400 words; about 100 were asked for (kept as it is)",
            ])
    }

    @Test func aReplyWithoutTextOrWithBadTagsIsTransient() async throws {
        let replies = [
            FakeChatServer.completion(object: ["title": "T", "description": "D", "tags": ["a"]]),
            FakeChatServer.completion(object: ["title": "T", "text": "Some words.", "tags": [1, 2]]),
        ]
        let failures = try await withChatServer(replies) { server in
            let context = fixture.context(["topic": .string("Browning")], baseURL: server.baseURL)
            return [
                await stepFailure { try await step.run(context) }, await stepFailure { try await step.run(context) },
            ]
        }
        #expect(
            failures == [
                StepFailure(.transient, "the model replied with JSON of the wrong shape: 'text' is missing."),
                StepFailure(
                    .transient, "the model replied with JSON of the wrong shape: 'tags' is not a list of strings."),
            ])
    }

    @Test func missingDescriptionAndTagsAreEmpty() async throws {
        let reply = FakeChatServer.completion(object: ["title": "T", "text": Self.narration(words: 150)])
        let result = try await withChatServer([reply]) { server in
            try await step.run(fixture.context(["topic": .string("Browning")], baseURL: server.baseURL))
        }
        #expect(result.outputs["description"] == .string("") && result.outputs["tags"] == .list([]))
    }

    @Test func aTitleOfOnlyAngleBracketsFallsBackToTheTopic() async throws {
        let reply = FakeChatServer.completion(object: ["title": "<>", "text": Self.narration(words: 150)])
        let result = try await withChatServer([reply]) { server in
            try await step.run(fixture.context(["topic": .string("Browning")], baseURL: server.baseURL))
        }
        #expect(result.outputs["title"] == .string("Browning"))
    }

    @Test func aDryRunAsksNothingAndSaysSo() async throws {
        let (result, calls) = try await withChatServer([]) { server in
            let context = fixture.context(["topic": .string("Browning")], baseURL: server.baseURL, dryRun: true)
            return (try await step.run(context), server.calls)
        }
        #expect(calls.isEmpty)
        #expect(result.outputs["title"] == .string("[dry run] Browning"))
        #expect(result.outputs["description"]?.stringValue?.hasPrefix("dry run: script.llm sent no request") == true)
        #expect(result.outputs["tags"] == .strings("dry run"))
    }

    @Test(
        arguments: [
            (["words": ConfigValue.int(5), "topic": .string("x")], "input 'words' must be a number from 10 to 5000."),
            (["topic": .string("  ")], "input 'topic' is empty; the step step needs it."),
        ] as [([String: ConfigValue], String)])
    func badInputsArePermanent(_ inputs: [String: ConfigValue], _ message: String) async throws {
        let failure = await stepFailure {
            try await step.run(fixture.context(inputs, baseURL: "http://127.0.0.1:9/v1"))
        }
        #expect(failure == StepFailure(.permanent, message))
    }

    @Test(arguments: [
        (150, 75, "en", false), (150, 74, "en", true), (150, 225, "en", false), (150, 226, "en", true),
        (150, 3, "ja", false), (150, 3, "zh-Hans", false), (150, 3, "pt-BR", true),
    ])
    func aNarrationFarFromTheAskedLengthIsReported(_ words: Int, _ count: Int, _ language: String, _ warns: Bool) {
        let warning = ScriptLLMStep.lengthWarning(text: Self.narration(words: count), words: words, language: language)
        #expect((warning != nil) == warns, "\(String(describing: warning))")
    }

    @Test func bothKindsAreOfferedUnderTheirCoreNames() {
        let steps = BuiltInSteps.llmSteps(resolveSecret: LLMFixture.resolveSecret)
        #expect(Set(steps.keys) == ["topic.llm", "script.llm"])
        #expect(steps.keys.allSatisfy { StepKind.builtIn[$0] != nil })
    }
}
