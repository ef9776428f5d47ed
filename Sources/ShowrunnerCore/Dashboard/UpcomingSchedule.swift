import Foundation

/// A scheduled account as the upcoming-fires view reads it.
public struct UpcomingSchedule: Sendable {
    public var accountID: String
    public var name: String?
    public var schedule: Schedule
    /// The scheduler's next start, when it knows it (saves computing the first fire of 10,000 accounts).
    public var nextStart: Date?

    public init(accountID: String, name: String?, schedule: Schedule, nextStart: Date? = nil) {
        self.accountID = accountID
        self.name = name
        self.schedule = schedule
        self.nextStart = nextStart
    }
}
