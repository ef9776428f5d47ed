import Foundation
import GRDB
import ShowrunnerCore

/// A row of `upload_sessions`: one file uploaded to one account.
struct UploadSessionRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "upload_sessions"

    var id: String
    var accountID: String
    var runID: String?
    var stepID: String
    var filePath: String
    var fileSize: Int
    var checksum: String
    var sessionURI: String?
    var videoID: String?
    var uploadedBytes: Int
    var createdAt: Int64
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, checksum
        case accountID = "account_id"
        case runID = "run_id"
        case stepID = "step_id"
        case filePath = "file_path"
        case fileSize = "file_size"
        case sessionURI = "session_uri"
        case videoID = "video_id"
        case uploadedBytes = "uploaded_bytes"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
    typealias Columns = CodingKeys

    init(_ session: UploadSession) {
        id = session.id
        accountID = session.accountID
        runID = session.runID
        stepID = session.stepID
        filePath = session.filePath
        fileSize = session.fileSize
        checksum = session.checksum
        sessionURI = session.sessionURI
        videoID = session.videoID
        uploadedBytes = session.uploadedBytes
        createdAt = session.createdAt.millisecondsSince1970
        updatedAt = session.updatedAt.millisecondsSince1970
    }

    var record: UploadSession {
        UploadSession(
            id: id, accountID: accountID, runID: runID, stepID: stepID, filePath: filePath, fileSize: fileSize,
            checksum: checksum, sessionURI: sessionURI, videoID: videoID, uploadedBytes: uploadedBytes,
            createdAt: Date(millisecondsSince1970: createdAt), updatedAt: Date(millisecondsSince1970: updatedAt))
    }
}
