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
}
