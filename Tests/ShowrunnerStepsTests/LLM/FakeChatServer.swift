import Foundation

/// An OpenAI-compatible Chat Completions endpoint on 127.0.0.1 (`{baseURL}/chat/completions`), built on
/// `FakeHTTPServer`: replies are scripted in order, and every request is kept and decoded so tests can check what
/// was asked. Call `stop()` when done.
final class FakeChatServer: Sendable {
    /// One request as the model provider sees it.
    struct Call: Sendable {
        var method: String
        var path: String
        /// Names in lowercase.
        var headers: [String: String]
        var model: String?
        var temperature: Double?
        var responseFormat: String?
        var roles: [String]
        var contents: [String]

        var system: String { zip(roles, contents).first { $0.0 == "system" }?.1 ?? "" }
        var user: String { zip(roles, contents).first { $0.0 == "user" }?.1 ?? "" }
    }

    let http: FakeHTTPServer

    init(_ replies: [FakeHTTPServer.Reply]) throws {
        http = try FakeHTTPServer(replies: replies)
    }

    /// Like `https://api.openai.com/v1`.
    var baseURL: String { http.baseURL + "/v1" }
    var calls: [Call] { http.requests.map(Self.decode) }
    func stop() { http.stop() }

    /// A 200 whose first choice's message content is `content`.
    static func completion(_ content: String, finishReason: String = "stop") -> FakeHTTPServer.Reply {
        let body: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion", "model": "test-model",
            "choices": [
                ["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": finishReason]
            ],
            "usage": ["prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30],
        ]
        return .respond(status: 200, headers: ["Content-Type": "application/json"], body: json(body))
    }

    /// A 200 whose content is `object` as JSON text (what JSON mode returns).
    static func completion(object: [String: Any]) -> FakeHTTPServer.Reply {
        completion(json(object))
    }

    /// An OpenAI-style error reply.
    static func error(
        _ status: Int, message: String, code: String? = nil, headers: [String: String] = [:]
    ) -> FakeHTTPServer.Reply {
        var error: [String: Any] = ["message": message, "type": "invalid_request_error"]
        if let code { error["code"] = code }
        var allHeaders = headers
        allHeaders["Content-Type"] = "application/json"
        return .respond(status: status, headers: allHeaders, body: json(["error": error]))
    }

    static func json(_ object: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    private static func decode(_ request: FakeHTTPServer.Request) -> Call {
        let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
        let messages = body["messages"] as? [[String: Any]] ?? []
        return Call(
            method: request.method, path: request.path, headers: request.headers, model: body["model"] as? String,
            temperature: (body["temperature"] as? NSNumber)?.doubleValue,
            responseFormat: (body["response_format"] as? [String: Any])?["type"] as? String,
            roles: messages.map { $0["role"] as? String ?? "" },
            contents: messages.map { $0["content"] as? String ?? "" }
        )
    }
}
