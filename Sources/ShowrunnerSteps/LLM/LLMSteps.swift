import ShowrunnerCore

extension BuiltInSteps {
    /// `topic.llm` and `script.llm`, by their `uses:` name, for any OpenAI-compatible Chat Completions endpoint
    /// (`providers.llm`). They send through `httpClient`, each request with the step's own `request_timeout`
    /// (default 120s), and resolve `providers.llm.api_key` with `resolveSecret` when they run (never in a dry run,
    /// which sends nothing).
    public static func llmSteps(
        httpClient: HTTPClient = HTTPClient(),
        resolveSecret: @escaping SecretReference.Resolver
    ) -> [String: any Step] {
        [
            "topic.llm": TopicLLMStep(http: httpClient, resolveSecret: resolveSecret),
            "script.llm": ScriptLLMStep(http: httpClient, resolveSecret: resolveSecret),
        ]
    }
}
