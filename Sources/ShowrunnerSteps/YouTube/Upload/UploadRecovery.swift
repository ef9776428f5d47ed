/// How an upload rides out a dropped connection or a 5xx within one attempt: ask the session what arrived and go
/// on, up to `setbacks` times in a row without progress, waiting a little longer each time. After that the attempt
/// fails as `transient` and the next attempt continues the same session.
public struct UploadRecovery: Sendable, Equatable {
    public var setbacks: Int
    public var delay: Duration
    public var maxDelay: Duration

    public init(setbacks: Int = 4, delay: Duration = .seconds(1), maxDelay: Duration = .seconds(15)) {
        self.setbacks = setbacks
        self.delay = delay
        self.maxDelay = maxDelay
    }

    /// The wait before the `setback`-th recovery (1-based): `delay`, doubling, at most `maxDelay`.
    public func delay(before setback: Int) -> Duration {
        var wait = delay
        for _ in 1..<max(setback, 1) where wait < maxDelay { wait *= 2 }
        return min(wait, maxDelay)
    }
}
