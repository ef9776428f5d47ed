/// A `retry:` block as written: only the fields it sets, merged onto defaults field by field.
public struct RetryOverrides: Sendable, Hashable {
    public var attempts: Int?
    public var backoff: RetryPolicy.Backoff?
    public var delay: Duration?
    public var factor: Double?
    public var maxDelay: Duration?
    public var jitter: Bool?
    public var retryOn: Set<FailureKind>?

    public init(
        attempts: Int? = nil, backoff: RetryPolicy.Backoff? = nil, delay: Duration? = nil, factor: Double? = nil,
        maxDelay: Duration? = nil, jitter: Bool? = nil, retryOn: Set<FailureKind>? = nil
    ) {
        self.attempts = attempts
        self.backoff = backoff
        self.delay = delay
        self.factor = factor
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.retryOn = retryOn
    }
}
