import Testing

@testable import ShowrunnerCore

/// The largest delays a config can write give a long wait, never a trap converting it to milliseconds.
struct RetryDelayLimitTests {
    static let longest = Duration.milliseconds(9_000_000_000_000_000_000)

    @Test(arguments: [
        (longest, 2.0, true), (longest, 2.0, false), (Duration.seconds(1), 1e300, true),
    ])
    func theLongestDelayIsAWaitNotACrash(delay: Duration, factor: Double, jitter: Bool) throws {
        let policy = RetryPolicy(
            attempts: 100, backoff: .exponential, delay: delay, factor: factor, maxDelay: Self.longest, jitter: jitter,
            retryOn: FailureKind.retryable)
        let kind = try #require(FailureKind.retryable.first)
        let wait = try #require(policy.delay(afterFailures: 50, kind: kind, jitter: 1.2))
        #expect(wait > .seconds(86_400 * 365 * 1000))
    }
}
