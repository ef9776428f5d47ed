import Foundation
import ShowrunnerCore

/// An `http` step's inputs, checked: the request to send and the statuses that count as success.
struct HTTPCall: Sendable, Equatable {
    var request: HTTPRequest
    /// Nil = any 2xx.
    var expectedStatuses: Set<Int>?

    static func from(_ context: StepContext) throws(StepFailure) -> HTTPCall {
        let urlText = try context.requiredString("url").trimmingWhitespace()
        guard let url = URL(string: urlText), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil
        else {
            throw StepFailure(.permanent, "input 'url' must be an http:// or https:// URL, found '\(urlText)'.")
        }
        let method = try context.trimmedString("method")?.uppercased() ?? "GET"
        guard method.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw StepFailure(.permanent, "input 'method' must be an HTTP method like GET or POST, found '\(method)'.")
        }
        var headers = try context.scalarMap("headers") ?? [:]
        let body = try Self.body(context.inputs["body"], headers: &headers)
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
        return HTTPCall(request: request, expectedStatuses: try expectedStatuses(context.inputs["expect_status"]))
    }

    func accepts(_ status: Int) -> Bool {
        expectedStatuses?.contains(status) ?? (200..<300).contains(status)
    }

    /// Text is sent as it is; a mapping or list is sent as JSON (with `Content-Type: application/json` unless a
    /// content type was given).
    private static func body(_ value: ConfigValue?, headers: inout [String: String]) throws(StepFailure) -> Data? {
        switch value {
        case nil, .null?: return nil
        case .map?, .list?:
            if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
                headers["Content-Type"] = "application/json"
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            do {
                return try encoder.encode(value)
            } catch {
                throw StepFailure(.permanent, "input 'body' cannot be sent as JSON: \(error).")
            }
        case let scalar?: return Data((scalar.scalarText ?? "").utf8)
        }
    }

    /// `expect_status: 201`, `[200, 204]` or `"200, 204"`.
    private static func expectedStatuses(_ value: ConfigValue?) throws(StepFailure) -> Set<Int>? {
        let items: [ConfigValue]
        switch value {
        case nil, .null?: return nil
        case .list(let list)?: items = list
        case .string(let text)?: items = text.split(separator: ",").map { .string(String($0)) }
        case let single?: items = [single]
        }
        var statuses: Set<Int> = []
        for item in items {
            guard let text = item.scalarText?.trimmingWhitespace(), let status = Int(text),
                (100...599).contains(status)
            else {
                throw StepFailure(.permanent, "input 'expect_status' must be HTTP statuses like 200 or [200, 204].")
            }
            statuses.insert(status)
        }
        return statuses
    }
}
