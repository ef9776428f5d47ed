import AsyncHTTPClient
import Foundation
import ShowrunnerCore

/// How HTTP replies and transport errors map to failure kinds, for every step and provider that talks HTTP.
public enum HTTPFailure {
    /// Nil for 2xx. 429 → `rate_limit`; 408 and 5xx → `transient`; 401, 403 and OAuth's `invalid_grant` → `auth`;
    /// Google's 403 `quotaExceeded`/`dailyLimitExceeded` → `quota` and 403 `rateLimitExceeded` → `rate_limit`;
    /// anything else → `permanent`. A `Retry-After` (seconds or an HTTP date) is kept on `rate_limit` and `transient`.
    public static func classify(
        status: Int, headers: [String: String], body: Data, request: String? = nil, now: Date = Date()
    ) -> StepFailure? {
        guard !(200..<300).contains(status) else { return nil }
        let summary = HTTPErrorBody.summary(of: body)
        let message = "\(request ?? "the request") got HTTP \(status)" + (summary.map { ": \($0)" } ?? "") + "."
        let kind = kind(status: status, body: body)
        let header = headers.first { $0.key.lowercased() == "retry-after" }?.value
        let retryAfter = kind == .rateLimit || kind == .transient ? retryAfter(header, now: now) : nil
        return StepFailure(kind, message, retryAfter: retryAfter)
    }

    /// A request that got no HTTP reply (refused, reset, dropped, timed out, DNS): transient, except a URL this
    /// client cannot send at all.
    public static func transport(_ error: any Error, request: String, timeout: Duration) -> StepFailure {
        if let error = error as? HTTPClientError {
            if unsendable.contains(error.shortDescription) {
                return StepFailure(.permanent, "\(request) cannot be sent: \(error.shortDescription.lowercased()).")
            }
            if timeouts.contains(error) {
                return StepFailure(.transient, "\(request) timed out after \(timeout.configText).")
            }
        }
        let detail = "\(error)"
        return StepFailure(.transient, "\(request) failed: \(detail)" + (detail.hasSuffix(".") ? "" : "."))
    }

    /// AsyncHTTPClient's errors for a URL it cannot send (by `shortDescription`: `unsupportedScheme` has a value).
    private static let unsendable: Set<String> = ["Invalid URL", "Empty host", "Empty scheme", "Unsupported scheme"]
    private static let timeouts: [HTTPClientError] = [
        .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
        .getConnectionFromPoolTimeout,
    ]

    static func kind(status: Int, body: Data) -> FailureKind {
        switch status {
        case 429: return .rateLimit
        case 408, 500...599: return .transient
        case 401: return .auth
        case 403:
            let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
            if text.contains("quotaExceeded") || text.contains("dailyLimitExceeded") { return .quota }
            if text.contains("rateLimitExceeded") { return .rateLimit }
            return .auth
        case 400 where HTTPErrorBody.oauthError(of: body) == "invalid_grant": return .auth
        default: return .permanent
        }
    }

    /// `Retry-After` as a delay: whole seconds, or an HTTP date (IMF-fixdate, RFC 850 or asctime) after `now`.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let text = value?.split(separator: " ").joined(separator: " "), !text.isEmpty else { return nil }
        if let seconds = Int64(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                let milliseconds = max(0, (date.timeIntervalSince(now) * 1000).rounded(.up))
                return .milliseconds(Int64(milliseconds))
            }
        }
        return nil
    }
}
