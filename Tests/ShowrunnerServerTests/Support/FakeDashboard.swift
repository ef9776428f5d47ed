import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// A `DashboardSource` with fixed answers.
struct FakeDashboard: DashboardSource {
    var schedules: [UpcomingSchedule] = []
    var kinds: [String: [String: String]] = [:]
    var plan = QuotaPlan(dailyUnits: 10_000, separateInserts: false, projects: [:])
    var status = ConfigStatusBuilder.build(
        paths: [], diagnostics: [], lastGood: [], revision: nil, lastReload: nil, sourceLine: { _, _ in nil })

    func upcomingSchedules() async -> [UpcomingSchedule] { schedules }
    func stepKinds() async -> [String: [String: String]] { kinds }
    func quotaPlan() async -> QuotaPlan { plan }
    func configStatus() async -> ConfigStatus { status }
}
