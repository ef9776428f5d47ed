import Foundation
import ShowrunnerCore

/// `http`: one request. Outputs `status`, `body` (text, at most 1 MiB) and `json` (the parsed reply, or null).
/// An unexpected status fails with the kind `HTTPFailure.classify` gives it.
public struct HTTPStep: Step {
    static let bodyLimit = 1 << 20

    let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let call = try HTTPCall.from(context)
        let summary = context.redact(call.request.summary)
        let response: HTTPResponse
        do {
            response = try await client.send(call.request)
        } catch var failure as StepFailure {
            failure.message = context.redact(failure.message)
            throw failure
        }
        guard call.accepts(response.status) else {
            throw unexpected(response, call: call, summary: summary, context: context)
        }
        return StepResult(outputs: [
            "status": .int(response.status),
            "body": .string(context.redact(String(decoding: response.body.prefix(Self.bodyLimit), as: UTF8.self))),
            "json": Self.json(of: response) ?? .null,
        ])
    }

    /// Describes the request (secrets redacted) without sending it.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        let call = try HTTPCall.from(context)
        return StepResult(outputs: ["description": .string(context.redact("would send \(call.request.summary)"))])
    }

    private func unexpected(
        _ response: HTTPResponse, call: HTTPCall, summary: String, context: StepContext
    ) -> StepFailure {
        var failure =
            HTTPFailure.classify(
                status: response.status, headers: response.headers, body: response.body, request: summary,
                now: context.now())
            ?? StepFailure(.permanent, "\(summary) got HTTP \(response.status).")
        if let expected = call.expectedStatuses {
            let list = expected.sorted().map(String.init).joined(separator: ", ")
            failure.message = String(failure.message.dropLast()) + "; expected \(list)."
        }
        failure.message = context.redact(failure.message)
        return failure
    }

    /// The reply parsed as JSON when it says it is JSON or looks like a JSON object or array.
    static func json(of response: HTTPResponse) -> ConfigValue? {
        let start = response.body.first { !(Character(UnicodeScalar($0)).isWhitespace) }
        guard response.isJSON || start == UInt8(ascii: "{") || start == UInt8(ascii: "[") else { return nil }
        return try? JSONDecoder().decode(ConfigValue.self, from: response.body)
    }
}
