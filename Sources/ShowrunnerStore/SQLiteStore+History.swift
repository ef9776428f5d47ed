import GRDB
import ShowrunnerCore

extension SQLiteStore {
    /// Newest first; `query.before` names the last run of the previous page (a run that does not exist is an
    /// error, not an empty page).
    public func runs(matching query: RunQuery) async throws -> [RunRecord] {
        try await history(matching: query).map(\.run)
    }

    /// The page of `runs(matching:)` as history shows it, with each run's attempt counts.
    public func history(matching query: RunQuery) async throws -> [RunHistoryEntry] {
        try await writer.read { db in
            try HistoryRow.page(query, db).fetchAll(db).map(\.entry)
        }
    }
}
