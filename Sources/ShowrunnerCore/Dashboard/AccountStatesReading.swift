/// The durable state of one page of accounts in one read: the channels page's 50 rows without 50 round trips to
/// the store. Part of `ShowrunnerStorage`: SQLite and PostgreSQL both provide it.
public protocol AccountStatesReading: Sendable {
    /// The stored state of each of `ids` that has one (an account never seen has none).
    func accountStates(ids: [String]) async throws -> [String: AccountState]
}
