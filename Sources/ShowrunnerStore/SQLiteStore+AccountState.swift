import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: AccountStateStore {
    public func accountStates() async throws -> [String: AccountState] {
        try await writer.read { db in
            Dictionary(uniqueKeysWithValues: try AccountStateRow.fetchAll(db).map { ($0.accountID, $0.state) })
        }
    }

    /// The stored state, or a fresh one for an account never seen.
    public func accountState(_ accountID: String) async throws -> AccountState {
        try await writer.read { db in
            try AccountStateRow.fetchOne(db, key: accountID)?.state ?? AccountState(accountID: accountID)
        }
    }

    @discardableResult
    public func updateAccountState(
        _ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void
    )
        async throws -> AccountState
    {
        try await writer.write { db in
            var state = try AccountStateRow.fetchOne(db, key: accountID)?.state ?? AccountState(accountID: accountID)
            change(&state)
            try AccountStateRow(state).save(db)
            return state
        }
    }

    public func recordFires(_ instants: [String: Date]) async throws -> [String: AccountState] {
        try await writer.write { db in
            var updated: [String: AccountState] = [:]
            for (accountID, instant) in instants {
                var state =
                    try AccountStateRow.fetchOne(db, key: accountID)?.state ?? AccountState(accountID: accountID)
                if (state.lastFireAt ?? .distantPast) < instant { state.lastFireAt = instant }
                try AccountStateRow(state).save(db)
                updated[accountID] = state
            }
            return updated
        }
    }
}
