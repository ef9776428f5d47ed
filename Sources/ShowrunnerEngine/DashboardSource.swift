import Foundation
import ShowrunnerCore

/// What the dashboard reads of the running daemon besides the store: schedules, the pipelines' step kinds, the
/// quota plan and the config's state. The daemon implements it; without it the dashboard's answers are empty.
public protocol DashboardSource: Sendable {
    /// Every account that will fire: enabled, scheduled, not paused or removed.
    func upcomingSchedules() async -> [UpcomingSchedule]
    /// Pipeline name → step id → step kind (`uses:`), from the versions that run.
    func stepKinds() async -> [String: [String: String]]
    func quotaPlan() async -> QuotaPlan
    func configStatus() async -> ConfigStatus
    /// Changes whenever the schedules or the config may have (a reload, a pause, a resume): what the dashboard
    /// builds from them is kept until then. nil: not counted, nothing is kept.
    func scheduleGeneration() async -> Int?
}

extension DashboardSource {
    /// A source that does not count its changes: every request builds afresh.
    public func scheduleGeneration() async -> Int? { nil }
}
