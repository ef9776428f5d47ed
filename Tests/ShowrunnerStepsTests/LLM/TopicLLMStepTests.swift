import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct TopicLLMStepTests {
    let fixture: LLMFixture
    let step = TopicLLMStep(http: HTTPClient(timeout: .seconds(60)), resolveSecret: LLMFixture.resolveSecret)
    init() throws { fixture = try LLMFixture() }

    static let recent = ["Knife Skills: Dicing an Onion in 30 Seconds", "Why Risotto Needs Warm Stock"]

    @Test func aTopicComesWithItsAngleAndTheRecentTitlesAreSent() async throws {
        let history = LLMFixture.FixedRecentTitles(Self.recent)
        let reply = FakeChatServer.completion(object: [
            "title": "The Maillard Reaction", "angle": "Why brown = flavour.",
        ])
        let (result, calls) = try await withChatServer([reply]) { server in
            let context = fixture.context(["avoid_recent": .int(12)], baseURL: server.baseURL, history: history)
            return (try await step.run(context), server.calls)
        }
        #expect(
            result.outputs == ["title": .string("The Maillard Reaction"), "angle": .string("Why brown = flavour.")])
        #expect(history.askedLimits == [12])
        let call = try #require(calls.first)
        #expect(call.path == "/v1/chat/completions" && call.headers["authorization"] == "Bearer \(LLMFixture.key)")
        #expect(call.model == "test-model" && call.responseFormat == "json_object" && call.temperature == 0.9)
        #expect(call.system.contains("JSON") && call.system.contains("in English"))
        #expect(call.user.hasPrefix("Suggest one new topic for a short video on a YouTube channel about cooking: "))
        for title in Self.recent { #expect(call.user.contains("- \(title)")) }
    }

    @Test func theModelPromptLanguageAndTemperatureCanBeChosen() async throws {
        let reply = FakeChatServer.completion(object: ["title": "Brot backen", "angle": "Ohne Kneten."])
        let calls = try await withChatServer([reply]) { server in
            let inputs: [String: ConfigValue] = [
                "model": .string("llama3.1:8b"), "prompt": .string("One bread topic."), "temperature": .double(0.2),
                "avoid_recent": .int(0),
            ]
            let context = fixture.context(
                inputs, baseURL: server.baseURL, history: LLMFixture.FixedRecentTitles(Self.recent),
                channel: Channel(type: "baking", language: "de"))
            _ = try await step.run(context)
            return server.calls
        }
        let call = try #require(calls.first)
        #expect(call.model == "llama3.1:8b" && call.temperature == 0.2)
        #expect(call.user == "One bread topic.", "avoid_recent: 0 sends no titles")
        #expect(call.system.contains("in German"))
    }

    @Test func aNearDuplicateOfARecentTitleIsTransientSoItIsAskedAgain() async throws {
        let history = LLMFixture.FixedRecentTitles(Self.recent)
        let replies = [
            FakeChatServer.completion(object: ["title": "why risotto needs WARM stock!", "angle": "Again."]),
            FakeChatServer.completion(object: ["title": "Pan Sauces From Fond", "angle": "Deglaze."]),
        ]
        let (failure, second) = try await withChatServer(replies) { server in
            let context = fixture.context(baseURL: server.baseURL, history: history)
            return (await stepFailure { try await step.run(context) }, try await step.run(context))
        }
        #expect(failure?.kind == .transient)
        #expect(
            failure?.message
                == "the model repeated a recent topic: “why risotto needs WARM stock!” is too close to “Why Risotto Needs Warm Stock”."
        )
        #expect(second.outputs["title"] == .string("Pan Sauces From Fond"))
    }

    @Test func theTopicIsKeptWithinYouTubesTitleLimits() async throws {
        let long = "<Why> " + String(repeating: "slow ", count: 30) + "cooking"
        let replies = [
            FakeChatServer.completion(object: ["title": long, "angle": "Patience."]),
            FakeChatServer.completion(object: ["title": "<<>>", "angle": "Nothing."]),
        ]
        let (result, failure) = try await withChatServer(replies) { server in
            let context = fixture.context(baseURL: server.baseURL)
            return (try await step.run(context), await stepFailure { try await step.run(context) })
        }
        let title = try #require(result.outputs["title"]?.stringValue)
        #expect(title.hasPrefix("Why slow slow") && title.hasSuffix("slow") && title.utf16.count <= 100)
        #expect(failure == StepFailure(.transient, "the model's title is empty once '<' and '>' are removed."))
    }

    @Test func aDryRunAsksNothingAndSaysSo() async throws {
        let (result, calls) = try await withChatServer([]) { server in
            let context = fixture.context(
                baseURL: server.baseURL, history: LLMFixture.BrokenRecentTitles(), dryRun: true)
            return (try await step.run(context), server.calls)
        }
        #expect(calls.isEmpty)
        #expect(result.outputs["title"] == .string("Dry-run topic"))
        #expect(
            result.outputs["angle"]?.stringValue?.hasPrefix("dry run: topic.llm sent no request to model 'test-model'")
                == true)
        let viaDryRun = try await step.dryRun(fixture.context(baseURL: "http://127.0.0.1:9/v1"))
        #expect(viaDryRun.outputs["title"] == .string("Dry-run topic"))
    }

    @Test func anUnreadableHistoryIsTransient() async throws {
        let failure = try await withChatServer([]) { server in
            await stepFailure {
                try await step.run(fixture.context(baseURL: server.baseURL, history: LLMFixture.BrokenRecentTitles()))
            }
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasPrefix("could not read the account's recent titles") == true)
    }

    @Test func aMissingKeyIsPermanentAndNamesTheReference() async throws {
        let failure = try await withChatServer([]) { server in
            await stepFailure {
                try await step.run(fixture.context(baseURL: server.baseURL, apiKey: "${env:NOT_SET_ANYWHERE}"))
            }
        }
        #expect(
            failure
                == StepFailure(
                    .permanent, "secret ${env:NOT_SET_ANYWHERE} is not set; export NOT_SET_ANYWHERE for showrunner."))
    }

    @Test(
        arguments: [
            (["temperature": ConfigValue.double(2.5)], "input 'temperature' must be a number from 0 to 2, like 0.7."),
            (["temperature": .string("warm")], "input 'temperature' must be a number from 0 to 2, like 0.7."),
            (["avoid_recent": .int(-1)], "input 'avoid_recent' must be a number of runs from 0 to 500."),
            (
                ["request_timeout": .string("soon")],
                "input 'request_timeout' must be a duration from 1ms to 1h, like 90s; found 'soon'."
            ),
            (
                ["request_timeout": .string("2h")],
                "input 'request_timeout' must be a duration from 1ms to 1h, like 90s; found '2h'."
            ),
        ] as [([String: ConfigValue], String)])
    func badInputsArePermanent(_ inputs: [String: ConfigValue], _ message: String) async throws {
        let failure = await stepFailure {
            try await step.run(fixture.context(inputs, baseURL: "http://127.0.0.1:9/v1"))
        }
        #expect(failure == StepFailure(.permanent, message))
    }

    @Test func aBaseURLThatIsNotHTTPIsPermanent() async throws {
        let failure = await stepFailure { try await step.run(fixture.context(baseURL: "file:///tmp/llm")) }
        #expect(
            failure
                == StepFailure(
                    .permanent, "providers.llm.base_url must be an http:// or https:// URL, found 'file:///tmp/llm'."))
    }

    @Test func theRequestTimeoutInputBoundsTheWait() async throws {
        let failure = try await withChatServer([.hang]) { server in
            await stepFailure {
                try await step.run(fixture.context(["request_timeout": .string("300ms")], baseURL: server.baseURL))
            }
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasSuffix("timed out after 300ms.") == true, "\(String(describing: failure))")
    }

    @Test func failureMessagesPassThroughTheRunsRedaction() async throws {
        let redact: @Sendable (String) -> String = { $0.replacingOccurrences(of: "hunter2", with: "***") }
        let failure = try await withChatServer([FakeChatServer.completion("I cannot say hunter2")]) { server in
            await stepFailure { try await step.run(fixture.context(baseURL: server.baseURL, redact: redact)) }
        }
        #expect(failure?.message.contains("“I cannot say ***”") == true, "\(String(describing: failure))")
    }
}
