import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: UploadSessionStore {
    public func uploadSession(accountID: String, checksum: String) async throws -> UploadSession? {
        try await writer.read { db in
            try UploadSessionRow.filter { $0.accountID == accountID && $0.checksum == checksum }.fetchOne(db)?.record
        }
    }

    /// One statement: of two processes creating the same upload, one inserts and both get that row. A run id the
    /// store does not hold is recorded as NULL.
    public func createUploadSession(_ session: UploadSession) async throws -> UploadSession {
        let row = UploadSessionRow(session)
        return try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO upload_sessions (id, account_id, run_id, step_id, file_path, file_size, checksum,
                      session_uri, video_id, uploaded_bytes, created_at, updated_at)
                    SELECT ?, ?, (SELECT id FROM runs WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?
                    ON CONFLICT (account_id, checksum) DO NOTHING
                    """,
                arguments: [
                    row.id, row.accountID, row.runID, row.stepID, row.filePath, row.fileSize, row.checksum,
                    row.sessionURI, row.videoID, row.uploadedBytes, row.createdAt, row.updatedAt,
                ])
            let stored = try UploadSessionRow.filter { $0.accountID == row.accountID && $0.checksum == row.checksum }
                .fetchOne(db)
            guard let stored else { throw UploadStoreError.uploadNotFound(row.id) }
            return stored.record
        }
    }

    public func recordSessionURI(_ uri: String, uploadID: String, at date: Date) async throws {
        try await updateUnfinished(uploadID) { db in
            try db.execute(
                sql: """
                    UPDATE upload_sessions SET session_uri = ?, uploaded_bytes = 0, updated_at = ?
                    WHERE id = ? AND video_id IS NULL
                    """,
                arguments: [uri, date.millisecondsSince1970, uploadID])
        }
    }

    public func recordUploadedBytes(_ bytes: Int, uploadID: String, at date: Date) async throws {
        try await updateUnfinished(uploadID) { db in
            try db.execute(
                sql: "UPDATE upload_sessions SET uploaded_bytes = ?, updated_at = ? WHERE id = ? AND video_id IS NULL",
                arguments: [bytes, date.millisecondsSince1970, uploadID])
        }
    }

    /// The first video id recorded wins; the confirmed bytes become the whole file.
    public func recordVideoID(_ videoID: String, uploadID: String, at date: Date) async throws -> String {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE upload_sessions SET video_id = ?, uploaded_bytes = file_size, updated_at = ?
                    WHERE id = ? AND video_id IS NULL
                    """,
                arguments: [videoID, date.millisecondsSince1970, uploadID])
            guard let row = try UploadSessionRow.fetchOne(db, key: uploadID), let stored = row.videoID else {
                throw UploadStoreError.uploadNotFound(uploadID)
            }
            return stored
        }
    }

    public func followUps(uploadID: String) async throws -> [UploadFollowUp] {
        try await writer.read { db in
            try UploadFollowUpRow.filter { $0.uploadID == uploadID }
                .order(UploadFollowUpRow.Columns.doneAt, UploadFollowUpRow.Columns.action)
                .fetchAll(db)
                .map { try $0.record() }
        }
    }

    public func recordFollowUp(_ followUp: UploadFollowUp) async throws {
        let row = UploadFollowUpRow(followUp)
        // INSERT OR IGNORE: GRDB's `upsert` appends `RETURNING rowid`, which a WITHOUT ROWID table does not have.
        try await writer.write { db in try row.insert(db, onConflict: .ignore) }
    }

    /// Runs `update`; when it changed nothing, says why (no such upload, or its video already exists).
    private func updateUnfinished(
        _ uploadID: String, _ update: @escaping @Sendable (Database) throws -> Void
    ) async throws {
        try await writer.write { db in
            try update(db)
            guard db.changesCount == 0 else { return }
            guard let row = try UploadSessionRow.fetchOne(db, key: uploadID) else {
                throw UploadStoreError.uploadNotFound(uploadID)
            }
            if let videoID = row.videoID {
                throw UploadStoreError.alreadyUploaded(uploadID: uploadID, videoID: videoID)
            }
        }
    }
}
