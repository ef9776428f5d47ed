import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// The client against a fake OpenAI-compatible server: what it sends, and how every kind of reply ends.
struct ChatCompletionsClientTests {
    static let shape = ReplyShape([.text("title"), .text("angle")])
    static let request = ChatRequest(
        model: "test-model", messages: [.system("Reply in JSON."), .user("A topic, please.")], temperature: 0.4)

    private func client(
        _ server: FakeChatServer, key: String? = LLMFixture.key, timeout: Duration = .seconds(60)
    )
        -> ChatCompletionsClient
    {
        ChatCompletionsClient(
            baseURL: URL(string: server.baseURL)!, apiKey: key, timeout: timeout,
            http: HTTPClient(timeout: .seconds(60)))
    }

    private func failure(
        _ reply: FakeHTTPServer.Reply, key: String? = LLMFixture.key, timeout: Duration = .seconds(60)
    ) async throws -> StepFailure? {
        try await withChatServer([reply]) { server in
            do {
                _ = try await client(server, key: key, timeout: timeout).complete(Self.request, shape: Self.shape)
                return nil
            } catch {
                return error as? StepFailure
            }
        }
    }

    @Test func aGoodReplyIsTheCheckedObjectAndTheRequestIsJSONModeWithTheKey() async throws {
        let reply = FakeChatServer.completion(object: ["title": " Knife skills ", "angle": "Faster dicing.", "x": 1])
        let (object, calls) = try await withChatServer([reply]) { server in
            (try await client(server).complete(Self.request, shape: Self.shape), server.calls)
        }
        #expect(object == ["title": .string("Knife skills"), "angle": .string("Faster dicing.")])
        let call = try #require(calls.first)
        #expect(call.method == "POST" && call.path == "/v1/chat/completions")
        #expect(call.headers["authorization"] == "Bearer \(LLMFixture.key)")
        #expect(call.headers["content-type"] == "application/json")
        #expect(call.headers["user-agent"] == HTTPClient.userAgent)
        #expect(call.model == "test-model" && call.temperature == 0.4 && call.responseFormat == "json_object")
        #expect(call.roles == ["system", "user"] && call.contents == ["Reply in JSON.", "A topic, please."])
    }

    @Test func withoutAKeyNoCredentialsAreSent() async throws {
        let reply = FakeChatServer.completion(object: ["title": "a", "angle": "b"])
        let calls = try await withChatServer([reply]) { server in
            _ = try await client(server, key: nil).complete(Self.request, shape: Self.shape)
            return server.calls
        }
        #expect(calls.first?.headers["authorization"] == nil)
    }

    @Test(
        arguments: [
            (
                FakeChatServer.completion(
                    "Sure! Here are some ideas: knife skills, stocks, sauces and much much more text"),
                "the model replied with text that is not a JSON object: “Sure! Here are some ideas: knife skills, stocks, sauces and …”."
            ),
            (
                FakeChatServer.completion(#"{"title": "Knife"#, finishReason: "length"),
                "the model's reply was cut off at its token limit before the JSON ended."
            ),
            (
                FakeChatServer.completion(#"["a", "b"]"#),
                "the model replied with text that is not a JSON object: “[\"a\", \"b\"]”."
            ),
            (
                FakeChatServer.completion(object: ["title": "Knife skills"]),
                "the model replied with JSON of the wrong shape: 'angle' is missing."
            ),
            (
                FakeChatServer.completion(object: ["title": 3, "angle": " "]),
                "the model replied with JSON of the wrong shape: 'title' is not a string; 'angle' is empty."
            ),
            (FakeChatServer.completion("  "), "the model replied with an empty message."),
            (
                .respond(status: 200, body: "<html>gateway</html>"),
                "the endpoint's reply is not a Chat Completions reply: “<html>gateway</html>”."
            ),
            (.respond(status: 200, body: #"{"choices": []}"#), "the endpoint replied without any choices."),
        ] as [(FakeHTTPServer.Reply, String)])
    func aMalformedReplyIsTransient(_ reply: FakeHTTPServer.Reply, _ message: String) async throws {
        let failure = try await failure(reply)
        #expect(failure == StepFailure(.transient, message))
    }

    @Test(
        arguments: [
            (
                FakeChatServer.error(429, message: "Rate limit reached", headers: ["Retry-After": "7"]),
                FailureKind.rateLimit,
                Duration?.some(.seconds(7))
            ),
            (FakeChatServer.error(500, message: "The server had an error"), .transient, nil),
            (FakeChatServer.error(503, message: "overloaded", headers: ["Retry-After": "2"]), .transient, .seconds(2)),
            (FakeChatServer.error(401, message: "Incorrect API key provided", code: "invalid_api_key"), .auth, nil),
            (FakeChatServer.error(403, message: "Project does not have access"), .auth, nil),
            (
                FakeChatServer.error(404, message: "The model `gpt-9` does not exist", code: "model_not_found"),
                .permanent,
                nil
            ),
            (FakeChatServer.error(400, message: "Invalid value for 'temperature'"), .permanent, nil),
        ] as [(FakeHTTPServer.Reply, FailureKind, Duration?)])
    func anErrorStatusFailsWithItsKind(
        _ reply: FakeHTTPServer.Reply, _ kind: FailureKind, _ retryAfter: Duration?
    )
        async throws
    {
        let failure = try #require(try await failure(reply))
        #expect(failure.kind == kind && failure.retryAfter == retryAfter, "\(failure)")
        #expect(failure.message.contains("POST http://127.0.0.1:"), "\(failure)")
        #expect(failure.message.contains("/v1/chat/completions got HTTP"), "\(failure)")
    }

    @Test(arguments: [
        FakeChatServer.error(
            400, message: "This model's maximum context length is 8192 tokens. However, you requested 9100 tokens.",
            code: "context_length_exceeded"),
        FakeChatServer.error(400, message: "prompt is too long: 210000 tokens > 200000 maximum"),
        .respond(
            status: 400, body: "the request exceeds the available context size, try increasing the context window"),
    ])
    func aPromptTooLongForTheModelIsPermanentAndSaysWhatToChange(_ reply: FakeHTTPServer.Reply) async throws {
        let failure = try #require(try await failure(reply))
        #expect(failure.kind == .permanent)
        #expect(failure.message.hasPrefix("the prompt is too long for model 'test-model' ("), "\(failure)")
        #expect(failure.message.hasSuffix("or choose a model with a larger context window."), "\(failure)")
    }

    @Test func theKeyNeverAppearsInAFailure() async throws {
        let reply = FakeChatServer.error(401, message: "Incorrect API key provided: \(LLMFixture.key).")
        let failure = try #require(try await failure(reply))
        #expect(failure.kind == .auth)
        #expect(!failure.message.contains(LLMFixture.key) && failure.message.contains("provided: ***"), "\(failure)")
    }

    @Test func aReplyThatNeverComesTimesOutAfterTheRequestTimeout() async throws {
        let started = ContinuousClock.now
        let (failure, calls) = try await withChatServer([.hang]) { server in
            let failure = await stepFailure {
                _ = try await client(server, timeout: .milliseconds(300)).complete(Self.request, shape: Self.shape)
                return StepResult(outputs: [:])
            }
            return (failure, server.calls)
        }
        let elapsed = ContinuousClock.now - started
        #expect(failure?.kind == .transient)
        #expect(
            failure?.message.hasSuffix("/v1/chat/completions timed out after 300ms.") == true,
            "\(String(describing: failure))")
        #expect(calls.count == 1, "the request reached the server before the deadline")
        #expect(elapsed >= .milliseconds(300), "\(elapsed)")  // no upper bound: a loaded machine is slow
    }

    @Test func aDroppedConnectionIsTransient() async throws {
        let failure = try #require(try await failure(.dropConnection))
        #expect(failure.kind == .transient, "\(failure)")
    }

    @Test func theEndpointIsBelowTheBaseURLWithOrWithoutATrailingSlash() {
        let http = HTTPClient()
        for base in ["http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1/"] {
            let client = ChatCompletionsClient(
                baseURL: URL(string: base)!, apiKey: nil, timeout: .seconds(1), http: http)
            #expect(client.endpoint.absoluteString == "http://127.0.0.1:9/v1/chat/completions")
        }
    }
}
