import Foundation

/// One job as the API lists it.
public struct SchedulerJob: Sendable, Equatable, Codable {
    public var id: String
    public var accountID: String
    public var cron: String
    public var timezone: String
    public var nextRunAt: Date?
    public var paused: Bool
    public var pauseReason: String?
    /// Taken off the schedule through the API until its file changes or a reload.
    public var removed: Bool
    public var enabled: Bool

    public init(
        id: String, accountID: String, cron: String, timezone: String, nextRunAt: Date?, paused: Bool,
        pauseReason: String?, removed: Bool, enabled: Bool
    ) {
        self.id = id
        self.accountID = accountID
        self.cron = cron
        self.timezone = timezone
        self.nextRunAt = nextRunAt
        self.paused = paused
        self.pauseReason = pauseReason
        self.removed = removed
        self.enabled = enabled
    }
}
