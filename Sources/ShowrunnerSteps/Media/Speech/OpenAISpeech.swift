import Foundation
import ShowrunnerCore

/// Speech from any OpenAI-compatible `POST {base_url}/audio/speech` (OpenAI, Kokoro-FastAPI, LocalAI, …):
/// JSON `{model, voice, input, response_format: "wav", speed}` with `Authorization: Bearer <api key>`. The
/// endpoint, model and key come from the account's voice, else from `providers.tts_openai`. A script longer
/// than the API's 4,096 characters is sent in pieces cut at sentence ends, joined afterwards.
struct OpenAISpeech: Sendable {
    static let inputLimit = 4000

    var client: HTTPClient
    var tool: MediaTool
    /// Nil: the environment and files relative to the config folder.
    var resolveSecret: SecretReference.Resolver?
    var timeout: Duration = .seconds(300)

    /// Writes the reply's audio (WAV when the server honours `response_format`) into `folder`.
    func synthesize(_ text: String, context: StepContext, in folder: URL) async throws -> URL {
        let voice = context.account.voice
        let defaults = context.settings.providers.ttsOpenAI
        let resolver = resolveSecret ?? SecretResolver(configDirectory: context.configDirectory).resolve
        let apiKey = try SecretResolver.resolveAll(in: voice.apiKey ?? defaults.apiKey ?? "", using: resolver)
        let url = try Self.endpoint(voice.baseURL ?? defaults.baseURL)
        let pieces = Self.pieces(of: text)
        var files: [URL] = []
        for (index, piece) in pieces.enumerated() {
            let request = Self.request(
                url: url, model: voice.model ?? defaults.model, voice: voice, input: piece, apiKey: apiKey,
                timeout: timeout)
            let audio = try await send(request, apiKey: apiKey, context: context)
            let file = folder.appendingPathComponent(pieces.count == 1 ? "speech.audio" : "speech-\(index + 1).audio")
            do {
                try audio.write(to: file)
            } catch {
                throw StepFailure.file("write", file.path, error)
            }
            files.append(file)
        }
        if files.count == 1 { return files[0] }
        return try await AudioFile.concatenate(files, to: folder.appendingPathComponent("speech.wav"), tool: tool)
    }

    static func endpoint(_ baseURL: String) throws(StepFailure) -> URL {
        let base = baseURL.trimmingSpaces()
        guard let url = URL(string: (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/audio/speech"),
            ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil
        else {
            throw StepFailure(.permanent, "voice base_url must be an http:// or https:// URL, found '\(base)'.")
        }
        return url
    }

    static func request(
        url: URL, model: String, voice: Voice, input: String, apiKey: String, timeout: Duration
    ) -> HTTPRequest {
        let body: [String: ConfigValue] = [
            "model": .string(model), "voice": .string(voice.voice), "input": .string(input),
            "response_format": .string("wav"), "speed": .double(voice.speed),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = ["Content-Type": "application/json", "Accept": "audio/wav, audio/*"]
        if !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey)" }
        return HTTPRequest(
            method: "POST", url: url, headers: headers, body: try? encoder.encode(body), timeout: timeout)
    }

    /// The script in pieces of at most `inputLimit` characters, cut between sentences (a longer sentence is cut
    /// at spaces).
    static func pieces(of text: String) -> [String] {
        guard text.count > inputLimit else { return [text] }
        let limits = CueLimits(lineWidth: inputLimit, lines: 1)
        var pieces: [String] = []
        for sentence in SentenceSplitter.sentences(in: text).flatMap({ CueChunker.chunks(of: $0, limits: limits) }) {
            if let last = pieces.last, last.count + 1 + sentence.count <= inputLimit {
                pieces[pieces.count - 1] = last + " " + sentence
            } else {
                pieces.append(sentence)
            }
        }
        return pieces
    }

    /// The reply's body on 2xx; otherwise a failure classified by `HTTPFailure`, with the key scrubbed out.
    private func send(_ request: HTTPRequest, apiKey: String, context: StepContext) async throws -> Data {
        let key = Redactor(secrets: [apiKey])
        let scrub = { (text: String) in context.redact(key.redact(text)) }
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch var failure as StepFailure {
            failure.message = scrub(failure.message)
            throw failure
        }
        if var failure = HTTPFailure.classify(
            status: response.status, headers: response.headers, body: response.body, request: request.summary,
            now: context.now())
        {
            failure.message = scrub(failure.message)
            throw failure
        }
        guard !response.body.isEmpty else {
            throw StepFailure(.transient, scrub("\(request.summary) returned no audio."))
        }
        return response.body
    }
}
