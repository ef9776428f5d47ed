import Foundation
import ShowrunnerCore

/// Where and how an LLM step asks: the endpoint and key from `providers.llm`, and `model`, `temperature` and
/// `request_timeout` from `with:` (the model defaults to the provider's).
struct LLMOptions: Sendable, Equatable {
    static let defaultTimeout = Duration.seconds(120)
    static let temperatures = 0.0...2.0

    var baseURL: URL
    /// A secret reference (`${env:OPENAI_API_KEY}`); nil or empty = no credentials.
    var apiKeyReference: String?
    var model: String
    var temperature: Double
    var timeout: Duration

    static func from(_ context: StepContext, defaultTemperature: Double) throws(StepFailure) -> LLMOptions {
        let provider = context.settings.providers.llm
        let base = provider.baseURL.trimmingWhitespace()
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
            throw StepFailure(
                .permanent, "providers.llm.base_url must be an http:// or https:// URL, found '\(base)'.")
        }
        guard let model = try context.trimmedString("model") ?? provider.model.nonBlankTrimmed() else {
            throw StepFailure(.permanent, "no model: set providers.llm.model in showrunner.yaml or with.model.")
        }
        return LLMOptions(
            baseURL: url, apiKeyReference: provider.apiKey, model: model,
            temperature: try temperature(context) ?? defaultTemperature, timeout: try timeout(context))
    }

    /// The key with its secret references resolved; nil when none is configured.
    func apiKey(
        resolve: SecretReference.Resolver
    ) throws(StepFailure) -> String? {
        guard let reference = apiKeyReference?.nonBlankTrimmed() else { return nil }
        let key = try SecretResolver.resolveAll(in: reference, setting: "providers.llm.api_key", using: resolve)
        return key.nonBlankTrimmed()
    }

    private static func temperature(_ context: StepContext) throws(StepFailure) -> Double? {
        let value: Double?
        switch context.inputs["temperature"] {
        case nil, .null?: return nil
        case .double(let number)?: value = number
        case .int(let number)?: value = Double(number)
        case .string(let text)?: value = Double(text.trimmingWhitespace())
        default: value = nil
        }
        guard let value, temperatures.contains(value) else {
            throw StepFailure(.permanent, "input 'temperature' must be a number from 0 to 2, like 0.7.")
        }
        return value
    }

    private static func timeout(_ context: StepContext) throws(StepFailure) -> Duration {
        guard let text = try context.trimmedString("request_timeout") else { return defaultTimeout }
        let problem = StepFailure(
            .permanent, "input 'request_timeout' must be a duration from 1ms to 1h, like 90s; found '\(text)'.")
        guard let timeout = try? Duration(parsing: text) else { throw problem }
        guard timeout > .zero, timeout <= .seconds(3600) else { throw problem }
        return timeout
    }
}
