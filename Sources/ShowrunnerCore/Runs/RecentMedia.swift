/// What the account's recent videos used, read back from the store: the `video` step records the library items
/// (`media`) and the music track (`music`) it used among its outputs.
public protocol RecentMedia: Sendable {
    /// The values of output `output` (a text, or a list of texts) of the succeeded or reused attempts in the
    /// account's `runs` most recent runs that produced it, newest run first, without repeats. `runs` ≤ 0: none.
    func recentMedia(accountID: String, output: String, runs: Int) async throws -> [String]
}

/// No history: nothing was used before. The default for callers that keep no store.
public struct NoRecentMedia: RecentMedia {
    public init() {}

    public func recentMedia(accountID: String, output: String, runs: Int) async throws -> [String] { [] }
}
