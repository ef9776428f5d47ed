import Foundation

/// The runs the channels page shows for one page of accounts, read together: the SQLite store answers a page of
/// 50 accounts in one read transaction instead of two history queries per row.
public protocol ChannelRunsReading: Sendable {
    /// Per account of `accountIDs` (every one present): its newest `recent` runs, newest first, and how many of
    /// its runs created at or after `since` succeeded.
    func channelRuns(accountIDs: [String], recent: Int, since: Date) async throws -> [String: ChannelRuns]
}

/// One account's runs on the channels page.
public struct ChannelRuns: Sendable, Equatable {
    /// Newest first.
    public var recent: [RunRecord]
    public var succeededSince: Int

    public init(recent: [RunRecord], succeededSince: Int) {
        self.recent = recent
        self.succeededSince = succeededSince
    }
}
