import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: UploadSessionStore {
    static let uploadColumns = """
        id, account_id, run_id, step_id, file_path, file_size, checksum, session_uri, video_id, uploaded_bytes,
        created_at, updated_at
        """

    public func uploadSession(accountID: String, checksum: String) async throws -> UploadSession? {
        try await rows(
            """
            SELECT \(unescaped: Self.uploadColumns) FROM upload_sessions
            WHERE account_id = \(accountID) AND checksum = \(checksum)
            """
        ).first.map(Self.upload)
    }

    /// One statement: of two nodes creating the same upload, one inserts and both get that row (the same session,
    /// never a second video). A run id the store does not hold is recorded as NULL.
    public func createUploadSession(_ session: UploadSession) async throws -> UploadSession {
        try await execute(
            """
            INSERT INTO upload_sessions (id, account_id, run_id, step_id, file_path, file_size, checksum,
              session_uri, video_id, uploaded_bytes, created_at, updated_at)
            VALUES (\(session.id), \(session.accountID), (SELECT id FROM runs WHERE id = \(session.runID)::text),
              \(session.stepID), \(session.filePath), \(session.fileSize), \(session.checksum), \(session.sessionURI),
              \(session.videoID), \(session.uploadedBytes), \(session.createdAt.millisecondsSince1970),
              \(session.updatedAt.millisecondsSince1970))
            ON CONFLICT (account_id, checksum) DO NOTHING
            """)
        guard let stored = try await uploadSession(accountID: session.accountID, checksum: session.checksum) else {
            throw UploadStoreError.uploadNotFound(session.id)
        }
        return stored
    }

    public func recordSessionURI(_ uri: String, uploadID: String, at date: Date) async throws {
        try await updateUnfinished(
            uploadID,
            """
            UPDATE upload_sessions SET session_uri = \(uri), uploaded_bytes = 0,
              updated_at = \(date.millisecondsSince1970)
            WHERE id = \(uploadID) AND video_id IS NULL RETURNING id
            """)
    }

    public func recordUploadedBytes(_ bytes: Int, uploadID: String, at date: Date) async throws {
        try await updateUnfinished(
            uploadID,
            """
            UPDATE upload_sessions SET uploaded_bytes = \(bytes), updated_at = \(date.millisecondsSince1970)
            WHERE id = \(uploadID) AND video_id IS NULL RETURNING id
            """)
    }

    /// The first video id recorded wins; the confirmed bytes become the whole file.
    public func recordVideoID(_ videoID: String, uploadID: String, at date: Date) async throws -> String {
        try await execute(
            """
            UPDATE upload_sessions SET video_id = \(videoID), uploaded_bytes = file_size,
              updated_at = \(date.millisecondsSince1970)
            WHERE id = \(uploadID) AND video_id IS NULL
            """)
        let rows = try await rows("SELECT video_id FROM upload_sessions WHERE id = \(uploadID)")
        guard let row = rows.first, let stored = try row.decode(String?.self) else {
            throw UploadStoreError.uploadNotFound(uploadID)
        }
        return stored
    }

    public func followUps(uploadID: String) async throws -> [UploadFollowUp] {
        try await rows(
            """
            SELECT upload_id, action, target, result, done_at FROM upload_follow_ups WHERE upload_id = \(uploadID)
            ORDER BY done_at, action
            """
        ).compactMap { row in
            let (upload, action, target, result, done) = try row.decode((String, String, String, String?, Int64).self)
            guard let action = UploadFollowUp.Action(rawValue: action) else { return nil }
            return UploadFollowUp(
                uploadID: upload, action: action, target: target, result: result,
                doneAt: Date(millisecondsSince1970: done))
        }
    }

    /// Recording the same action and target again keeps the first record.
    public func recordFollowUp(_ followUp: UploadFollowUp) async throws {
        try await execute(
            """
            INSERT INTO upload_follow_ups (upload_id, action, target, result, done_at)
            VALUES (\(followUp.uploadID), \(followUp.action.rawValue), \(followUp.target), \(followUp.result),
              \(followUp.doneAt.millisecondsSince1970))
            ON CONFLICT DO NOTHING
            """)
    }

    /// Runs `update`; when it changed nothing, says why (no such upload, or its video already exists).
    private func updateUnfinished(_ uploadID: String, _ update: PostgresQuery) async throws {
        guard try await rows(update).isEmpty else { return }
        let rows = try await rows("SELECT video_id FROM upload_sessions WHERE id = \(uploadID)")
        guard let row = rows.first else { throw UploadStoreError.uploadNotFound(uploadID) }
        if let videoID = try row.decode(String?.self) {
            throw UploadStoreError.alreadyUploaded(uploadID: uploadID, videoID: videoID)
        }
    }

    static func upload(_ row: PostgresRow) throws -> UploadSession {
        let (id, account, runID, stepID, path, size, checksum, uri, videoID, bytes, created, updated) =
            try row.decode(
                (String, String, String?, String, String, Int64, String, String?, String?, Int64, Int64, Int64).self)
        return UploadSession(
            id: id, accountID: account, runID: runID, stepID: stepID, filePath: path, fileSize: Int(size),
            checksum: checksum, sessionURI: uri, videoID: videoID, uploadedBytes: Int(bytes),
            createdAt: Date(millisecondsSince1970: created), updatedAt: Date(millisecondsSince1970: updated))
    }
}
