import Foundation

/// What to do with the fires missed while the process was down or asleep (SPEC §3 catch-up).
public struct CatchUpPlan: Sendable, Equatable {
    /// Scheduled instants to run now, oldest first (trigger `catch_up`).
    public var run: [Date]
    /// Scheduled instants to record as `missed`, oldest first.
    public var missed: [Date]
    /// Missed fires beyond the listing limit (a year-long outage of an every-minute job); reported in the log.
    public var notListed: Int

    public init(run: [Date] = [], missed: [Date] = [], notListed: Int = 0) {
        self.run = run
        self.missed = missed
        self.notListed = notListed
    }

    /// The fires of `schedule` in `(lastFire, now]` (scheduled instants, jitter not applied), decided by its
    /// catch-up window and policy. At most `limit` fires are listed; the oldest beyond it are only counted.
    public static func plan(for schedule: Schedule, lastFire: Date, now: Date, limit: Int = 1_000) -> CatchUpPlan {
        var fires: [Date] = []
        var counted = 0
        var cursor = lastFire
        while let fire = schedule.cron.nextDate(after: cursor, in: schedule.timeZone), fire <= now {
            fires.append(fire)
            if fires.count > limit {
                fires.removeFirst()
                counted += 1
            }
            cursor = fire
        }
        let oldestRunnable = now.addingTimeInterval(-schedule.catchUpWindow.seconds)
        let inWindow = fires.filter { $0 >= oldestRunnable }
        let tooOld = fires.filter { $0 < oldestRunnable }
        switch schedule.catchUpPolicy {
        case .all:
            return CatchUpPlan(run: inWindow, missed: tooOld, notListed: counted)
        case .latest:
            return CatchUpPlan(run: inWindow.suffix(1), missed: tooOld + inWindow.dropLast(), notListed: counted)
        case .none:
            return CatchUpPlan(run: [], missed: fires, notListed: counted)
        }
    }
}
