import Foundation
import GRDB
import ShowrunnerCore

/// Everything the store holds besides runs and account state, for `showrunner store migrate` (which copies a
/// SQLite history into PostgreSQL).
extension SQLiteStore {
    /// Every used topic: account, list, topic, run (nil when the run was deleted), when.
    package func allTopicUses() async throws -> [(String, String, String, String?, Date)] {
        try await writer.read { db in
            try TopicUseRow.fetchAll(db).map {
                ($0.accountID, $0.list, $0.topic, $0.runID, Date(millisecondsSince1970: $0.usedAt))
            }
        }
    }

    /// Every upload session and its follow-ups.
    package func allUploads() async throws -> [(UploadSession, [UploadFollowUp])] {
        let sessions = try await writer.read { db in try UploadSessionRow.fetchAll(db).map(\.record) }
        var uploads: [(UploadSession, [UploadFollowUp])] = []
        for session in sessions { uploads.append((session, try await followUps(uploadID: session.id))) }
        return uploads
    }

    /// Every project's units per day.
    package func allQuotaUsage() async throws -> [(project: String, day: String, units: Int)] {
        try await writer.read { db in
            try QuotaUsageRow.fetchAll(db).map { (project: $0.project, day: $0.day, units: $0.units) }
        }
    }
}
