import Foundation

/// A page of history, newest first.
public struct RunQuery: Sendable, Equatable {
    public var accountID: String?
    public var status: RunStatus?
    public var limit: Int
    /// Only runs created strictly before this run (by creation time, then id): the cursor for the next page.
    public var before: String?
    /// Only runs with this trigger (the dashboard's filter).
    public var trigger: RunTrigger?
    /// Only runs created in `createdFrom..<createdUntil` (the dashboard's date filter).
    public var createdFrom: Date?
    public var createdUntil: Date?

    public init(
        accountID: String? = nil, status: RunStatus? = nil, limit: Int = 50, before: String? = nil,
        trigger: RunTrigger? = nil, createdFrom: Date? = nil, createdUntil: Date? = nil
    ) {
        self.accountID = accountID
        self.status = status
        self.limit = limit
        self.before = before
        self.trigger = trigger
        self.createdFrom = createdFrom
        self.createdUntil = createdUntil
    }
}
