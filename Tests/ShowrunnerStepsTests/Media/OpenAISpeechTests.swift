import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// The `openai` voice against a fake OpenAI-compatible server on 127.0.0.1.
struct OpenAISpeechTests {
    let fixture: StepFixture
    static let key = "sk-test-1234567890"
    let step = TTSStep(
        httpClient: HTTPClient(timeout: .seconds(60)),
        resolveSecret: { reference throws(StepFailure) in
            guard reference == SecretReference(source: .env, name: "SPEECH_KEY") else {
                throw StepFailure(.permanent, "secret \(reference) is not set.")
            }
            return OpenAISpeechTests.key
        })

    init() throws { fixture = try StepFixture() }

    private func run(
        _ replies: [FakeSpeechServer.Reply], text: String = "Hello from the fake server."
    )
        async throws -> (Result<StepResult, any Error>, [FakeHTTPServer.Request])
    {
        let server = try FakeSpeechServer(replies: replies)
        defer { server.stop() }
        let voice = Voice(
            provider: .openai, voice: "nova", speed: 1.25, baseURL: server.baseURL + "/", model: "tts-test",
            apiKey: "${env:SPEECH_KEY}")
        let context = fixture.context(["text": .string(text)], voice: voice)
        let result = await Result(asyncCatching: { try await step.run(context) })
        return (result, server.requests)
    }

    @Test func aWAVReplyIsTheAudioAndItsHeaderGivesTheDuration() async throws {
        let (result, requests) = try await run([.audio(WAVFixture.tone(seconds: 1.25, sampleRate: 24_000))])
        let outputs = try result.get().outputs
        #expect(outputs["duration_s"] == .double(1.25))
        guard case .string(let path)? = outputs["audio"] else { Issue.record("no audio output"); return }
        #expect(path == fixture.artifactsDirectory.appendingPathComponent("voice.wav").path)
        let request = try #require(requests.first)
        #expect(request.method == "POST" && request.path == "/v1/audio/speech")
        #expect(request.headers["authorization"] == "Bearer \(Self.key)")
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONDecoder().decode([String: ConfigValue].self, from: request.body)
        #expect(
            body == [
                "model": .string("tts-test"), "voice": .string("nova"), "input": .string("Hello from the fake server."),
                "response_format": .string("wav"), "speed": .double(1.25),
            ])
    }

    @Test func aReplyThatIsNotWAVIsConvertedWithFFmpeg() async throws {
        let wav = try fixture.write(WAVFixture.tone(seconds: 1, sampleRate: 24_000), to: "tone.wav")
        try await fixture.ffmpeg(["-i", wav.path, "-c:a", "libmp3lame", "-b:a", "64k", "tone.mp3"])
        let mp3 = try Data(contentsOf: fixture.configDirectory.appendingPathComponent("tone.mp3"))
        let (result, _) = try await run([.audio(Array(mp3), type: "audio/mpeg")])
        let outputs = try result.get().outputs
        guard case .string(let path)? = outputs["audio"], case .double(let seconds)? = outputs["duration_s"] else {
            Issue.record("missing outputs")
            return
        }
        #expect(WAVInfo.isWAV(Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(12))))
        #expect(abs(seconds - 1) < 0.08)
    }

    @Test func rateLimitsKeepTheirRetryAfter() async throws {
        let (result, _) = try await run([
            .error(429, #"{"error":{"message":"slow down"}}"#, headers: ["Retry-After": "7"])
        ])
        let failure = try #require(result.failure)
        #expect(failure.kind == .rateLimit)
        #expect(failure.retryAfter == .seconds(7))
        #expect(failure.message.contains("HTTP 429: slow down"))
    }

    @Test func serverErrorsAreTransient() async throws {
        let (result, _) = try await run([.error(500, #"{"error":{"message":"overloaded"}}"#)])
        #expect(try #require(result.failure).kind == .transient)
    }

    @Test func aRejectedKeyIsAnAuthFailureThatDoesNotShowTheKey() async throws {
        let body = #"{"error":{"message":"Incorrect API key provided: \#(Self.key)."}}"#
        let (result, _) = try await run([.error(401, body)])
        let failure = try #require(result.failure)
        #expect(failure.kind == .auth)
        #expect(!failure.message.contains(Self.key))
        #expect(failure.message.contains("***"))
    }

    @Test func aLongScriptIsSentInPiecesAndJoined() async throws {
        let sentence = "This sentence is here to make the script longer than one request may carry. "
        let text = String(repeating: sentence, count: 60)
        let pieces = OpenAISpeech.pieces(of: text)
        #expect(pieces.count == 2 && pieces.allSatisfy { $0.count <= OpenAISpeech.inputLimit })
        #expect(pieces.joined(separator: " ") == text.trimmingCharacters(in: .whitespaces))
        let tone = WAVFixture.tone(seconds: 0.5, sampleRate: 24_000)
        let (result, requests) = try await run([.audio(tone), .audio(tone)], text: text)
        #expect(requests.count == 2)
        #expect(try result.get().outputs["duration_s"] == .double(1))
    }

    @Test func withoutAResolverTheKeyIsReadFromAFileInTheConfigFolder() async throws {
        try fixture.write(Array("sk-from-file\n".utf8), to: "secrets/tts.key")
        let server = try FakeSpeechServer(replies: [.audio(WAVFixture.tone(seconds: 0.5))])
        defer { server.stop() }
        let voice = Voice(provider: .openai, voice: "alloy", baseURL: server.baseURL, apiKey: "${file:secrets/tts.key}")
        _ = try await TTSStep().run(fixture.context(["text": .string("Hi.")], voice: voice))
        #expect(server.requests.first?.headers["authorization"] == "Bearer sk-from-file")
    }

    @Test func anUnsetKeyIsAPermanentFailureNamingTheReference() async {
        let voice = Voice(provider: .openai, apiKey: "${env:SHOWRUNNER_TEST_UNSET_KEY}")
        let failure = await Result(asyncCatching: {
            try await TTSStep().run(fixture.context(["text": .string("Hi.")], voice: voice))
        }).failure
        #expect(
            failure
                == StepFailure(
                    .permanent,
                    "secret ${env:SHOWRUNNER_TEST_UNSET_KEY} is not set; "
                        + "export SHOWRUNNER_TEST_UNSET_KEY for showrunner."
                ))
    }
}
