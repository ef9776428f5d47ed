import Foundation
import ShowrunnerCore

/// A client for any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM, LM Studio, OpenRouter, …):
/// one `POST {base_url}/chat/completions` in JSON mode per call, no retries of its own (the step's retry policy
/// decides). Failures are `StepFailure`s whose messages never hold the API key and quote a reply only as a short
/// excerpt.
public struct ChatCompletionsClient: Sendable {
    public let baseURL: URL
    /// Sent as `Authorization: Bearer`; nil sends no credentials (a local Ollama needs none).
    let apiKey: String?
    /// For the whole request; a reply that has not arrived by then is a transient failure.
    public let timeout: Duration
    let http: HTTPClient
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date

    public init(
        baseURL: URL, apiKey: String?, timeout: Duration, http: HTTPClient,
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey?.isEmpty == false ? apiKey : nil
        self.timeout = timeout
        self.http = http
        self.clock = clock
        self.now = now
    }

    public var endpoint: URL { baseURL.appendingPathComponent("chat/completions") }

    /// The model's JSON reply, checked against `shape`.
    public func complete(_ request: ChatRequest, shape: ReplyShape) async throws -> [String: ConfigValue] {
        do {
            let response = try await send(httpRequest(for: request))
            if let failure = ChatFailure.classify(
                status: response.status, headers: response.headers, body: response.body,
                request: summary, model: request.model, now: now())
            {
                throw failure
            }
            return try ChatReply.object(from: response.body, shape: shape)
        } catch let failure as StepFailure {
            throw Redactor(secrets: apiKey.map { [$0] } ?? []).redact(failure)
        }
    }

    var summary: String { "POST \(endpoint.absoluteString)" }

    func httpRequest(for request: ChatRequest) -> HTTPRequest {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        // `send` enforces the deadline on the injected clock (tests drive it); the transport's own deadline is a
        // backstop a second later.
        let backstop = Duration.seconds(Int64(timeout.seconds.rounded(.up)) + 1)
        return HTTPRequest(method: "POST", url: endpoint, headers: headers, body: request.body(), timeout: backstop)
    }

    /// Sends `request`, cancelling it when `timeout` passes first.
    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (http, clock, timeout) = (self.http, self.clock, self.timeout)
        return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await http.send(request) }
            group.addTask {
                try await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            guard let response = first else {
                throw StepFailure(.transient, "\(summary) timed out after \(timeout.configText).")
            }
            return response
        }
    }
}
