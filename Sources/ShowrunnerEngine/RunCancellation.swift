/// A user's request to cancel one run, delivered to its executor as an event: the state machine decides what
/// stops (no new attempts, waiting retries dropped, running attempts stopped) and the run ends `cancelled`.
public final class RunCancellation: Sendable {
    private let requests: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (requests, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func request() { continuation.yield() }

    /// True once cancellation is requested (at once if it already was); false when the waiting task is cancelled.
    /// Only the run's executor waits.
    func requested() async -> Bool {
        for await _ in requests { return true }
        return false
    }
}
