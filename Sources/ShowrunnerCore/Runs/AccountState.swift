import Foundation

/// What the store remembers about an account between restarts.
public struct AccountState: Sendable, Equatable, Codable {
    public var accountID: String
    public var paused: Bool
    /// Why it was paused: by hand (API) or after `pause_after_failures` failed runs.
    public var pauseReason: String?
    /// Taken off the schedule (API `DELETE`) until its file's content hash differs from this.
    public var removedUntilChange: String?
    public var consecutiveFailures: Int
    /// The newest scheduled instant handled (run, skipped or missed): catch-up starts after it.
    public var lastFireAt: Date?
    /// Set when a step failed with `auth` (revoked token…); cleared by a successful run.
    public var authFlag: String?

    public init(
        accountID: String, paused: Bool = false, pauseReason: String? = nil, removedUntilChange: String? = nil,
        consecutiveFailures: Int = 0, lastFireAt: Date? = nil, authFlag: String? = nil
    ) {
        self.accountID = accountID
        self.paused = paused
        self.pauseReason = pauseReason
        self.removedUntilChange = removedUntilChange
        self.consecutiveFailures = consecutiveFailures
        self.lastFireAt = lastFireAt
        self.authFlag = authFlag
    }
}

/// Per-account state the scheduler keeps durable (pause, removal, failures, last fire).
public protocol AccountStateStore: Sendable {
    func accountStates() async throws -> [String: AccountState]
    func accountState(_ accountID: String) async throws -> AccountState
    /// Reads, changes and writes one account's state in one transaction (so the scheduler and the run
    /// coordinator never overwrite each other's fields); returns the new state.
    @discardableResult
    func updateAccountState(
        _ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void
    ) async throws
        -> AccountState
    /// Advances each account's `lastFireAt` to the given instant (never backwards), in one transaction; returns the
    /// new states.
    func recordFires(_ instants: [String: Date]) async throws -> [String: AccountState]
}
