import Foundation

/// The fires of the coming hours across accounts, with the cron code's DST rules (SPEC §3). Merges the accounts'
/// fire sequences with a heap, so the work is O(accounts + limit · log accounts), whatever the schedules.
public enum UpcomingPlanner {
    public static let defaultPerChannelLimit = 48
    public static let defaultLimit = 500

    public static func plan(
        _ schedules: [UpcomingSchedule], from: Date, to: Date, perChannelLimit: Int = defaultPerChannelLimit,
        limit: Int = defaultLimit
    ) -> UpcomingPlan {
        var heap = FireHeap()
        for (index, schedule) in schedules.enumerated() {
            if let entry = first(schedule, index: index, after: from), entry.start < to { heap.push(entry) }
        }
        var fires: [UpcomingFire] = []
        var perChannel = [Int](repeating: 0, count: schedules.count)
        var truncated = false
        while let entry = heap.pop() {
            guard fires.count < limit else {
                truncated = true
                break
            }
            let schedule = schedules[entry.index]
            fires.append(fire(entry, of: schedule))
            perChannel[entry.index] += 1
            guard let next = next(schedule, index: entry.index, after: entry.fire.date), next.start < to else {
                continue
            }
            guard perChannel[entry.index] < perChannelLimit else {
                truncated = true
                continue
            }
            heap.push(next)
        }
        return UpcomingPlan(
            from: from, to: to, channels: schedules.count, perChannelLimit: perChannelLimit, limit: limit,
            truncated: truncated, fires: fires)
    }

    /// The first fire starting at or after `from`: the scheduler's hint when it has one.
    static func first(_ schedule: UpcomingSchedule, index: Int, after from: Date) -> FireHeap.Entry? {
        let jitter = schedule.schedule.jitterOffset(for: schedule.accountID).seconds
        if let start = schedule.nextStart, start >= from {
            return FireHeap.Entry(index: index, fire: CronFire(date: start.addingTimeInterval(-jitter)), start: start)
        }
        // A start at or after `from` belongs to a cron instant after `from - jitter`.
        var entry = next(schedule, index: index, after: from.addingTimeInterval(-jitter - 1))
        while let current = entry, current.start < from {
            entry = next(schedule, index: index, after: current.fire.date)
        }
        return entry
    }

    static func next(_ schedule: UpcomingSchedule, index: Int, after date: Date) -> FireHeap.Entry? {
        guard let fire = schedule.schedule.cron.nextFire(after: date, in: schedule.schedule.timeZone) else {
            return nil
        }
        let jitter = schedule.schedule.jitterOffset(for: schedule.accountID).seconds
        return FireHeap.Entry(index: index, fire: fire, start: fire.date.addingTimeInterval(jitter))
    }

    static func fire(_ entry: FireHeap.Entry, of schedule: UpcomingSchedule) -> UpcomingFire {
        let zone = schedule.schedule.timeZone
        return UpcomingFire(
            accountID: schedule.accountID, name: schedule.name, scheduledAt: entry.fire.date, startAt: entry.start,
            timeZone: zone.configName, local: RFC3339.format(entry.start, in: zone), dst: dst(entry.fire.adjustment))
    }

    static func dst(_ adjustment: CronFire.Adjustment) -> String? {
        switch adjustment {
        case .none: nil
        case .movedOutOfGap: "moved_out_of_gap"
        case .repeatedWallTime: "repeated_wall_time"
        }
    }
}
