import Foundation

/// The executor's time: the clock it sleeps on (retry delays, timeouts), the wall clock it records, and how often
/// a running run proves it is alive.
public struct ExecutionTime: Sendable {
    public var clock: any Clock<Duration>
    public var now: @Sendable () -> Date
    public var heartbeatInterval: Duration

    public init(
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() },
        heartbeatInterval: Duration = .seconds(15)
    ) {
        self.clock = clock
        self.now = now
        self.heartbeatInterval = heartbeatInterval
    }
}
