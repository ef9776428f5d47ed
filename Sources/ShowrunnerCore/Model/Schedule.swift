import Foundation

/// When an account runs (SPEC §3).
public struct Schedule: Sendable, Hashable {
    public enum CatchUpPolicy: String, Sendable, Hashable, CaseIterable { case latest, all, none }
    public enum OverlapPolicy: String, Sendable, Hashable, CaseIterable { case skip, queue, allow }

    public var cron: CronExpression
    public var timeZone: TimeZone
    /// A stable offset in `[0, jitter)` derived from the account id.
    public var jitter: Duration
    /// Missed fires older than this are recorded as `missed`, never run.
    public var catchUpWindow: Duration
    public var catchUpPolicy: CatchUpPolicy
    public var overlap: OverlapPolicy
    /// Pause after this many consecutive failed runs; 0 = never.
    public var pauseAfterFailures: Int

    public init(
        cron: CronExpression, timeZone: TimeZone = TimeZone(identifier: "UTC")!, jitter: Duration = .zero,
        catchUpWindow: Duration = .seconds(3600), catchUpPolicy: CatchUpPolicy = .latest,
        overlap: OverlapPolicy = .skip,
        pauseAfterFailures: Int = 0
    ) {
        self.cron = cron
        self.timeZone = timeZone
        self.jitter = jitter
        self.catchUpWindow = catchUpWindow
        self.catchUpPolicy = catchUpPolicy
        self.overlap = overlap
        self.pauseAfterFailures = pauseAfterFailures
    }
}
