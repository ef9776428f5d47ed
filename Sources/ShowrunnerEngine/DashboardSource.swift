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
}
