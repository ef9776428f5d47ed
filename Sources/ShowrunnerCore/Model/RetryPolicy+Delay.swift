import Foundation

extension RetryPolicy {
    /// The wait before the attempt after `failures` counted failures, or nil to give up.
    ///
    /// `jitter` is a factor in 0.8...1.2 drawn by the caller (used only when the policy has jitter on);
    /// `retryAfter` from a server raises the delay to at least that value, even above `maxDelay`.
    public func delay(
        afterFailures failures: Int, kind: FailureKind, jitter: Double, retryAfter: Duration? = nil
    )
        -> Duration?
    {
        guard retryOn.contains(kind), kind != .permanent, kind != .auth, failures < attempts else { return nil }
        var seconds = delay.seconds
        if backoff == .exponential { seconds *= pow(factor, Double(failures - 1)) }
        seconds = min(seconds, maxDelay.seconds)
        if self.jitter { seconds *= min(max(jitter, 0.8), 1.2) }
        // At most about 285,000 years: a `max_delay` near the largest duration times the jitter must not trap.
        var result = Duration.milliseconds(Int64(min((seconds * 1000).rounded(), Self.longestDelayMilliseconds)))
        if let retryAfter, retryAfter > result { result = retryAfter }
        return result
    }

    private static let longestDelayMilliseconds = 9e15
}
