import PostgresNIO
import ShowrunnerCore

extension PostgresStore: AccountStatesReading {
    /// One statement for the whole page: the rows whose id is in `ids` (an account never seen has none).
    public func accountStates(ids: [String]) async throws -> [String: AccountState] {
        guard !ids.isEmpty else { return [:] }
        let states = try await rows(
            "SELECT \(unescaped: Self.stateColumns) FROM account_state WHERE account_id = ANY(\(ids))"
        ).map(Self.state)
        return Dictionary(states.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
