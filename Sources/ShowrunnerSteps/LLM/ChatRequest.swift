import Foundation

/// One Chat Completions request in JSON mode: the model must answer with a single JSON object.
public struct ChatRequest: Sendable, Equatable {
    public struct Message: Sendable, Equatable, Encodable {
        public var role: String
        public var content: String

        public static func system(_ content: String) -> Message { Message(role: "system", content: content) }
        public static func user(_ content: String) -> Message { Message(role: "user", content: content) }
    }

    public var model: String
    public var messages: [Message]
    /// Nil = the server's default.
    public var temperature: Double?

    public init(model: String, messages: [Message], temperature: Double? = nil) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
    }

    /// The body of `POST {base_url}/chat/completions`, keys sorted.
    func body() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and a fixed object cannot fail.
        return (try? encoder.encode(Wire(self))) ?? Data()
    }

    private struct Wire: Encodable {
        struct ResponseFormat: Encodable { let type = "json_object" }

        let model: String
        let messages: [Message]
        let temperature: Double?
        let responseFormat = ResponseFormat()

        init(_ request: ChatRequest) {
            model = request.model
            messages = request.messages
            temperature = request.temperature
        }

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature
            case responseFormat = "response_format"
        }
    }
}
