import Foundation
import ShowrunnerCore

/// The human part of an error reply: `error.message` (OpenAI, Google), `error_description` (OAuth), `message`,
/// `detail` (problem+json) or `error`; otherwise the start of the text.
enum HTTPErrorBody {
    static let maxSummary = 300

    static func summary(of body: Data) -> String? {
        if let object = jsonObject(body), let message = message(in: object) { return clipped(message) }
        let text = String(decoding: body.prefix(4 * maxSummary), as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? nil : clipped(words)
    }

    /// OAuth's `error` code (`invalid_grant`), when the body is an OAuth error reply.
    static func oauthError(of body: Data) -> String? {
        jsonObject(body)?["error"] as? String
    }

    private static func message(in object: [String: Any]) -> String? {
        if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
        if let code = object["error"] as? String {
            return (object["error_description"] as? String).map { "\(code): \($0)" } ?? code
        }
        return (object["message"] as? String) ?? (object["detail"] as? String)
    }

    private static func jsonObject(_ body: Data) -> [String: Any]? {
        guard body.first == UInt8(ascii: "{") || body.prefix(16).contains(UInt8(ascii: "{")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    private static func clipped(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let clipped = trimmed.count > maxSummary ? trimmed.prefix(maxSummary) + "…" : trimmed
        return clipped.hasSuffix(".") ? String(clipped.dropLast()) : String(clipped)
    }
}
