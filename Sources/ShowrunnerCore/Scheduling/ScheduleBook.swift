import Foundation

/// The scheduler's timetable: each schedulable account and its next fire, ordered by start time. A value type:
/// the scheduler owns one and asks it what is due.
public struct ScheduleBook: Sendable {
    /// When an account fires: only its timing (the account and its pipeline are the scheduler's, once).
    public struct Entry: Sendable {
        public var schedule: Schedule
        public var next: ScheduledFire?
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Next fires sorted by start time; at most one per account.
    private var queue: [ScheduledFire] = []

    public init() {}

    /// Adds or replaces an account; its next fire is computed strictly after `after`.
    public mutating func set(_ accountID: String, schedule: Schedule, after: Date) {
        remove(accountID)
        let next = ScheduledFire.next(for: accountID, schedule: schedule, after: after)
        entries[accountID] = Entry(schedule: schedule, next: next)
        if let next { insert(next) }
    }

    /// One account to add or replace, its next fire computed strictly after `after`.
    public struct Setting: Sendable {
        public var accountID: String
        public var schedule: Schedule
        public var after: Date

        public init(accountID: String, schedule: Schedule, after: Date) {
            self.accountID = accountID
            self.schedule = schedule
            self.after = after
        }
    }

    /// Adds or replaces many accounts with one sort, not one ordered insertion each (10,000 at start-up would move
    /// the queue 10,000 times); the last setting of an id wins.
    public mutating func set(_ settings: [Setting]) {
        guard settings.count > 1 else {
            for item in settings {
                set(item.accountID, schedule: item.schedule, after: item.after)
            }
            return
        }
        var ids = Set<String>(minimumCapacity: settings.count)
        entries.reserveCapacity(entries.count + settings.count)  // grown once, not doubled step by step
        for item in settings {
            let next = ScheduledFire.next(for: item.accountID, schedule: item.schedule, after: item.after)
            entries[item.accountID] = Entry(schedule: item.schedule, next: next)
            ids.insert(item.accountID)
        }
        queue.removeAll { ids.contains($0.accountID) }
        queue.reserveCapacity(queue.count + ids.count)
        queue.append(contentsOf: ids.compactMap { entries[$0]?.next })
        queue.sort()
    }

    public mutating func remove(_ accountID: String) {
        guard entries.removeValue(forKey: accountID) != nil else { return }
        queue.removeAll { $0.accountID == accountID }
    }

    /// The earliest start time, if anything is scheduled.
    public var nextStart: Date? { queue.first?.startAt }

    /// Removes and returns the fires whose start time is at or before `now`, earliest first — at most one per
    /// account — and schedules each account's following fire (which may itself be due at the next call).
    public mutating func takeDue(at now: Date) -> [ScheduledFire] {
        let due = Array(queue.prefix { $0.startAt <= now })
        queue.removeFirst(due.count)
        for fire in due { advance(fire) }
        return due
    }

    private mutating func advance(_ fire: ScheduledFire) {
        guard var entry = entries[fire.accountID] else { return }
        entry.next = ScheduledFire.next(for: fire.accountID, schedule: entry.schedule, after: fire.scheduledAt)
        entries[fire.accountID] = entry
        if let next = entry.next { insert(next) }
    }

    private mutating func insert(_ fire: ScheduledFire) {
        var low = 0
        var high = queue.count
        while low < high {
            let middle = (low + high) / 2
            if queue[middle] < fire { low = middle + 1 } else { high = middle }
        }
        queue.insert(fire, at: low)
    }
}
