import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore {
    public func usedTopics(accountID: String, list: String) async throws -> Set<String> {
        let topics = try await writer.read { db in
            try TopicUseRow
                .filter { $0.accountID == accountID && $0.list == list }
                .select(TopicUseRow.Columns.topic, as: String.self)
                .fetchAll(db)
        }
        return Set(topics)
    }

    /// Marking a topic again (after a reset) records the new run and time.
    public func markTopicUsed(
        accountID: String, list: String, topic: String, runID: String, at date: Date
    )
        async throws
    {
        let row = TopicUseRow(
            accountID: accountID, list: list, topic: topic, runID: runID, usedAt: date.millisecondsSince1970)
        // INSERT OR REPLACE: GRDB's `upsert` appends `RETURNING rowid`, which a WITHOUT ROWID table does not have.
        try await writer.write { db in try row.insert(db, onConflict: .replace) }
    }

    public func resetTopics(accountID: String, list: String) async throws {
        _ = try await writer.write { db in
            try TopicUseRow.filter { $0.accountID == accountID && $0.list == list }.deleteAll(db)
        }
    }
}
