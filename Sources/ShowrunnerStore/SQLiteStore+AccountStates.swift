import GRDB
import ShowrunnerCore

extension SQLiteStore: AccountStatesReading {
    /// One read transaction and one prepared statement for the whole page.
    public func accountStates(ids: [String]) async throws -> [String: AccountState] {
        try await writer.read { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM account_state WHERE account_id = ?")
            var states: [String: AccountState] = [:]
            for id in ids where states[id] == nil {
                if let row = try AccountStateRow.fetchOne(statement, arguments: [id]) { states[id] = row.state }
            }
            return states
        }
    }
}
