import Foundation

/// One file uploaded (or being uploaded) to one account: recorded before any byte is sent, so that a retry, a resume
/// or a restart continues the same resumable session, and a recorded video id means the upload is done for good.
public struct UploadSession: Sendable, Equatable {
    public var id: String
    public var accountID: String
    /// The run and step that started it (the run may be deleted later; the upload record stays).
    public var runID: String?
    public var stepID: String
    public var filePath: String
    public var fileSize: Int
    /// Identifies the file's bytes; with the account, the key of the upload.
    public var checksum: String
    /// The resumable session's URI; nil until the server has given one.
    public var sessionURI: String?
    /// Set once the server has created the video; never changes afterwards.
    public var videoID: String?
    /// How many bytes the server has confirmed (`308` + `Range`).
    public var uploadedBytes: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, accountID: String, runID: String?, stepID: String, filePath: String, fileSize: Int,
        checksum: String, sessionURI: String? = nil, videoID: String? = nil, uploadedBytes: Int = 0, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.runID = runID
        self.stepID = stepID
        self.filePath = filePath
        self.fileSize = fileSize
        self.checksum = checksum
        self.sessionURI = sessionURI
        self.videoID = videoID
        self.uploadedBytes = uploadedBytes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The video exists: nothing of this file is ever sent to this account again.
    public var isComplete: Bool { videoID != nil }
}
