/// How a step is retried (SPEC §2.2). `attempts` counts the first attempt.
public struct RetryPolicy: Sendable, Hashable {
    public enum Backoff: String, Sendable, Hashable, CaseIterable { case exponential, fixed }

    public var attempts: Int
    public var backoff: Backoff
    public var delay: Duration
    public var factor: Double
    public var maxDelay: Duration
    /// Scale each delay by a random factor in 0.8...1.2.
    public var jitter: Bool
    public var retryOn: Set<FailureKind>

    public static let `default` = RetryPolicy(
        attempts: 3, backoff: .exponential, delay: .seconds(2), factor: 2, maxDelay: .seconds(300), jitter: true,
        retryOn: FailureKind.retryable)

    public init(
        attempts: Int, backoff: Backoff, delay: Duration, factor: Double, maxDelay: Duration, jitter: Bool,
        retryOn: Set<FailureKind>
    ) {
        self.attempts = attempts
        self.backoff = backoff
        self.delay = delay
        self.factor = factor
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.retryOn = retryOn
    }

    /// This policy with the fields `overrides` sets replaced.
    public func merging(_ overrides: RetryOverrides) -> RetryPolicy {
        var merged = self
        if let attempts = overrides.attempts { merged.attempts = attempts }
        if let backoff = overrides.backoff { merged.backoff = backoff }
        if let delay = overrides.delay { merged.delay = delay }
        if let factor = overrides.factor { merged.factor = factor }
        if let maxDelay = overrides.maxDelay { merged.maxDelay = maxDelay }
        if let jitter = overrides.jitter { merged.jitter = jitter }
        if let retryOn = overrides.retryOn { merged.retryOn = retryOn }
        return merged
    }
}
