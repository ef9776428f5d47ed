import Foundation
import ShowrunnerCore

/// How a Chat Completions error reply maps to a failure: a prompt too long for the model is `permanent` with a
/// message that says what to change; everything else as `HTTPFailure` classifies it (429 → `rate_limit` with
/// `Retry-After`, 5xx → `transient`, 401/403 → `auth`, other 4xx → `permanent`).
enum ChatFailure {
    /// Nil for 2xx.
    static func classify(
        status: Int, headers: [String: String], body: Data, request: String, model: String, now: Date
    ) -> StepFailure? {
        guard !(200..<300).contains(status) else { return nil }
        if isContextLengthError(status: status, body: body) {
            let detail = HTTPErrorBody.summary(of: body).map { " (\($0))" } ?? ""
            return StepFailure(
                .permanent,
                "the prompt is too long for model '\(model)'\(detail); shorten 'prompt', lower 'avoid_recent' or "
                    + "'words', or choose a model with a larger context window.")
        }
        return HTTPFailure.classify(status: status, headers: headers, body: body, request: request, now: now)
    }

    /// OpenAI's `context_length_exceeded` code, or an error message about the context length (vLLM, llama.cpp,
    /// LM Studio and OpenRouter word it differently), on a 400, 413 or 422.
    static func isContextLengthError(status: Int, body: Data) -> Bool {
        guard [400, 413, 422].contains(status) else { return false }
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self).lowercased()
        return contextLengthPhrases.contains { text.contains($0) }
    }

    static let contextLengthPhrases = [
        "context_length_exceeded", "context length", "context window", "maximum context", "context_window",
        "exceeds the context", "too many tokens", "prompt is too long", "input is too long",
    ]
}
