/// Why a step attempt failed; the kind decides whether and when it is retried.
public enum FailureKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Network errors, HTTP 5xx, an interrupted attempt.
    case transient
    /// HTTP 429.
    case rateLimit = "rate_limit"
    case timeout
    /// The daily quota is used up: wait for the reset instead of burning retries.
    case quota
    /// 401/403, `invalid_grant`: never retried; the account is flagged.
    case auth
    /// Bad input, 4xx, a missing file: never retried.
    case permanent

    /// The kinds a retry policy may list in `on:`.
    public static let retryable: Set<FailureKind> = [.transient, .rateLimit, .timeout]
}
