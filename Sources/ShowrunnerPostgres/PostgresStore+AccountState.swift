import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: AccountStateStore {
    static let stateColumns = """
        account_id, paused, pause_reason, removed_until_change, consecutive_failures, last_fire_at, auth_flag
        """

    public func accountStates() async throws -> [String: AccountState] {
        let states = try await rows("SELECT \(unescaped: Self.stateColumns) FROM account_state").map(Self.state)
        return Dictionary(uniqueKeysWithValues: states.map { ($0.accountID, $0) })
    }

    /// The stored state, or a fresh one for an account never seen.
    public func accountState(_ accountID: String) async throws -> AccountState {
        try await rows("SELECT \(unescaped: Self.stateColumns) FROM account_state WHERE account_id = \(accountID)")
            .first.map(Self.state) ?? AccountState(accountID: accountID)
    }

    /// Reads the row under a lock (creating it first), changes it and writes it in one transaction, so nodes and
    /// the run coordinator never overwrite each other's fields.
    @discardableResult
    public func updateAccountState(
        _ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void
    ) async throws -> AccountState {
        try await transaction { connection in
            var state = try await Self.lockedState(accountID, connection, logger)
            change(&state)
            try await Self.save(state, connection, logger)
            return state
        }
    }

    /// One statement for the instant's accounts (it was three round trips per account), rows taken in account order:
    /// one lock order between nodes, no deadlock. A fire earlier than the one recorded leaves it.
    public func recordFires(_ instants: [String: Date]) async throws -> [String: AccountState] {
        let fires = instants.sorted { $0.key < $1.key }
        let (ids, times) = (fires.map(\.key), fires.map { $0.value.millisecondsSince1970 })
        let states = try await rows(
            """
            INSERT INTO account_state (account_id, last_fire_at)
            SELECT * FROM unnest(\(ids)::text[], \(times)::bigint[]) ORDER BY 1
            ON CONFLICT (account_id) DO UPDATE
              SET last_fire_at = GREATEST(account_state.last_fire_at, excluded.last_fire_at)
            RETURNING \(unescaped: Self.stateColumns)
            """
        ).map(Self.state)
        return Dictionary(uniqueKeysWithValues: states.map { ($0.accountID, $0) })
    }

    private static func lockedState(
        _ accountID: String, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> AccountState {
        _ = try await connection.rows(
            "INSERT INTO account_state (account_id) VALUES (\(accountID)) ON CONFLICT DO NOTHING", logger: logger)
        let rows = try await connection.rows(
            "SELECT \(unescaped: stateColumns) FROM account_state WHERE account_id = \(accountID) FOR UPDATE",
            logger: logger)
        return try rows.first.map(state) ?? AccountState(accountID: accountID)
    }

    private static func save(_ state: AccountState, _ connection: PostgresConnection, _ logger: Logger) async throws {
        _ = try await connection.rows(
            """
            UPDATE account_state SET paused = \(state.paused), pause_reason = \(state.pauseReason),
              removed_until_change = \(state.removedUntilChange),
              consecutive_failures = \(Int32(clamping: state.consecutiveFailures)),
              last_fire_at = \(state.lastFireAt?.millisecondsSince1970), auth_flag = \(state.authFlag)
            WHERE account_id = \(state.accountID)
            """, logger: logger)
    }

    static func state(_ row: PostgresRow) throws -> AccountState {
        let (account, paused, reason, removed, failures, lastFire, auth) = try row.decode(
            (String, Bool, String?, String?, Int32, Int64?, String?).self)
        return AccountState(
            accountID: account, paused: paused, pauseReason: reason, removedUntilChange: removed,
            consecutiveFailures: Int(failures), lastFireAt: lastFire.map(Date.init(millisecondsSince1970:)),
            authFlag: auth)
    }
}
