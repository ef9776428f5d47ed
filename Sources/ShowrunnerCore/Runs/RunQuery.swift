import Foundation

/// A page of history, newest first.
public struct RunQuery: Sendable, Equatable {
    public var accountID: String?
    public var status: RunStatus?
    public var limit: Int
    /// Only runs created strictly before this run (by creation time, then id): the cursor for the next page.
    public var before: String?

    public init(accountID: String? = nil, status: RunStatus? = nil, limit: Int = 50, before: String? = nil) {
        self.accountID = accountID
        self.status = status
        self.limit = limit
        self.before = before
    }
}
