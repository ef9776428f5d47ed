import Foundation

/// One upcoming fire of an account: its identity (the cron instant) and when it starts (with jitter).
public struct ScheduledFire: Sendable, Equatable, Comparable {
    public let accountID: String
    /// The fire's identity in the store: `(account, scheduledAt)`.
    public let scheduledAt: Date
    /// `scheduledAt` plus the account's stable jitter.
    public let startAt: Date

    public init(accountID: String, scheduledAt: Date, startAt: Date) {
        self.accountID = accountID
        self.scheduledAt = scheduledAt
        self.startAt = startAt
    }

    /// The first fire of `schedule` strictly after `date`.
    public static func next(for accountID: String, schedule: Schedule, after date: Date) -> ScheduledFire? {
        guard let scheduled = schedule.cron.nextDate(after: date, in: schedule.timeZone) else { return nil }
        let start = scheduled.addingTimeInterval(schedule.jitterOffset(for: accountID).seconds)
        return ScheduledFire(accountID: accountID, scheduledAt: scheduled, startAt: start)
    }

    public static func < (lhs: ScheduledFire, rhs: ScheduledFire) -> Bool {
        (lhs.startAt, lhs.accountID) < (rhs.startAt, rhs.accountID)
    }
}
