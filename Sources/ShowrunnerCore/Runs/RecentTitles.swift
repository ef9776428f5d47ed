/// The titles an account's recent runs produced, so a generated topic does not repeat one of them.
public protocol RecentTitles: Sendable {
    /// The `title` outputs of the succeeded (or reused) step attempts of the account's `limit` most recent runs
    /// that produced a title, newest run first, without repeats. `limit` ≤ 0 gives none.
    func recentTitles(accountID: String, limit: Int) async throws -> [String]
}

/// No history: every account looks new. The default of `StepContext`, for callers that keep no store.
public struct NoRecentTitles: RecentTitles {
    public init() {}

    public func recentTitles(accountID: String, limit: Int) async throws -> [String] { [] }
}
