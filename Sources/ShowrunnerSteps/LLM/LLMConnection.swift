import Foundation
import ShowrunnerCore

/// What the LLM steps share: the HTTP client, the secret resolver for `providers.llm.api_key`, and the clock of the
/// request deadline. Builds one attempt's client and asks it.
struct LLMConnection: Sendable {
    let http: HTTPClient
    let resolveSecret: SecretReference.Resolver
    let clock: any Clock<Duration>

    /// The model's checked reply; failure messages also pass through `context.redact`.
    func ask(
        _ messages: [ChatRequest.Message], shape: ReplyShape, options: LLMOptions, context: StepContext
    ) async throws -> [String: ConfigValue] {
        do {
            let client = try client(options, context: context)
            let request = ChatRequest(model: options.model, messages: messages, temperature: options.temperature)
            return try await client.complete(request, shape: shape)
        } catch var failure as StepFailure {
            failure.message = context.redact(failure.message)
            throw failure
        }
    }

    /// The API key is resolved for each attempt (a rotated key is picked up) and lives only in the client.
    func client(_ options: LLMOptions, context: StepContext) throws(StepFailure) -> ChatCompletionsClient {
        let key = try options.apiKey(resolve: resolveSecret)
        return ChatCompletionsClient(
            baseURL: options.baseURL, apiKey: key, timeout: options.timeout, http: http, clock: clock,
            now: context.now)
    }

    /// What a dry run reports instead of asking: no request is sent, so nothing is spent.
    static func dryRunNote(_ kind: String, options: LLMOptions) -> String {
        "dry run: \(kind) sent no request to model '\(options.model)' at \(options.baseURL.absoluteString)"
    }
}
