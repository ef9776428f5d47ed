import Foundation
import ShowrunnerCore

/// A Chat Completions reply read as the JSON object the model was asked for. Every way a model can answer badly
/// (no content, not JSON, cut off, wrong shape) is a transient failure, so the step's retry policy asks again;
/// messages quote at most a short excerpt of what the model wrote.
enum ChatReply {
    static let excerptLength = 60

    /// `choices[0].message.content` as an object of `shape`.
    static func object(from body: Data, shape: ReplyShape) throws(StepFailure) -> [String: ConfigValue] {
        let (content, finishReason) = try content(of: body)
        let object = try jsonObject(in: content, finishReason: finishReason)
        switch shape.check(object) {
        case .success(let checked):
            return checked
        case .failure(let mismatch):
            throw StepFailure(.transient, "the model replied with JSON of the wrong shape: \(mismatch).")
        }
    }

    /// The first choice's text and finish reason.
    static func content(of body: Data) throws(StepFailure) -> (String, finishReason: String?) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body) else {
            let text = String(decoding: body.prefix(4096), as: UTF8.self)
            throw StepFailure(.transient, "the endpoint's reply is not a Chat Completions reply: \(excerpt(text)).")
        }
        guard let choice = envelope.choices?.first else {
            throw StepFailure(.transient, "the endpoint replied without any choices.")
        }
        let content = choice.message?.content ?? ""
        guard !content.trimmingWhitespace().isEmpty else {
            if let refusal = choice.message?.refusal, !refusal.isEmpty {
                throw StepFailure(.transient, "the model refused: \(excerpt(refusal)).")
            }
            throw StepFailure(.transient, "the model replied with an empty message.")
        }
        return (content, choice.finishReason)
    }

    /// The JSON object in `content`: the whole text, or what is inside a ```json fence or between the first `{` and
    /// the last `}` (some local models wrap JSON-mode replies in prose).
    static func jsonObject(in content: String, finishReason: String?) throws(StepFailure) -> [String: ConfigValue] {
        let text = content.trimmingWhitespace()
        var candidates = [text]
        if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close {
            candidates.append(String(text[open...close]))
        }
        for candidate in candidates {
            if case .map(let object)? = try? JSONDecoder().decode(ConfigValue.self, from: Data(candidate.utf8)) {
                return object
            }
        }
        if finishReason == "length" {
            throw StepFailure(.transient, "the model's reply was cut off at its token limit before the JSON ended.")
        }
        throw StepFailure(.transient, "the model replied with text that is not a JSON object: \(excerpt(text)).")
    }

    /// At most `excerptLength` characters of `text` on one line, quoted; secrets are removed by the caller.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let clipped = line.count > excerptLength ? line.prefix(excerptLength) + "…" : Substring(line)
        return "“\(clipped)”"
    }

    private struct Envelope: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                let content: String?
                let refusal: String?
            }

            let message: Message?
            let finishReason: String?

            enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }

        let choices: [Choice]?
    }
}
