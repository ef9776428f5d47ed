import Foundation

/// Where uploads are remembered (SPEC §10.3: an upload is never duplicated by retries, resumes or restarts). The
/// store enforces one upload per account and file checksum, and a video id that, once recorded, never changes.
public protocol UploadSessionStore: Sendable {
    /// The upload of these bytes to this account, if one was ever started.
    func uploadSession(accountID: String, checksum: String) async throws -> UploadSession?

    /// Records an upload before any byte is sent. When one already exists for the account and checksum, that one is
    /// returned unchanged and `session` is not stored.
    func createUploadSession(_ session: UploadSession) async throws -> UploadSession

    /// A new resumable session for an upload without a video id (the first one, or one after the previous session
    /// expired): the confirmed bytes start again at 0. Fails when the upload already has a video id.
    func recordSessionURI(_ uri: String, uploadID: String, at date: Date) async throws

    /// The bytes the server has confirmed so far.
    func recordUploadedBytes(_ bytes: Int, uploadID: String, at date: Date) async throws

    /// The server created the video: the upload is done for good. Returns the recorded id, which is the first one
    /// ever recorded for this upload.
    func recordVideoID(_ videoID: String, uploadID: String, at date: Date) async throws -> String

    /// What was done to the video after it was uploaded.
    func followUps(uploadID: String) async throws -> [UploadFollowUp]

    /// Records a follow-up; recording the same action and target again keeps the first record.
    func recordFollowUp(_ followUp: UploadFollowUp) async throws
}
