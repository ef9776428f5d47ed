import Foundation
import ShowrunnerCore

/// `UploadSessionStore` in memory, with the SQLite store's rules (one upload per account and checksum, the first
/// video id wins).
actor InMemoryUploadStore: UploadSessionStore {
    struct Missing: Error {}

    private(set) var sessions: [UploadSession] = []
    private(set) var followUpRecords: [UploadFollowUp] = []

    func uploadSession(accountID: String, checksum: String) -> UploadSession? {
        sessions.first { $0.accountID == accountID && $0.checksum == checksum }
    }

    func createUploadSession(_ session: UploadSession) -> UploadSession {
        if let existing = uploadSession(accountID: session.accountID, checksum: session.checksum) { return existing }
        sessions.append(session)
        return session
    }

    func recordSessionURI(_ uri: String, uploadID: String, at date: Date) throws {
        try update(uploadID) { session in
            guard session.videoID == nil else { throw Missing() }
            session.sessionURI = uri
            session.uploadedBytes = 0
        }
    }

    func recordUploadedBytes(_ bytes: Int, uploadID: String, at date: Date) throws {
        try update(uploadID) { $0.uploadedBytes = bytes }
    }

    func recordVideoID(_ videoID: String, uploadID: String, at date: Date) throws -> String {
        try update(uploadID) { session in
            if session.videoID == nil { session.videoID = videoID }
            session.uploadedBytes = session.fileSize
        }
        return sessions.first { $0.id == uploadID }!.videoID!
    }

    func followUps(uploadID: String) -> [UploadFollowUp] { followUpRecords.filter { $0.uploadID == uploadID } }

    func recordFollowUp(_ followUp: UploadFollowUp) {
        guard
            !followUpRecords.contains(where: {
                $0.uploadID == followUp.uploadID && $0.action == followUp.action && $0.target == followUp.target
            })
        else { return }
        followUpRecords.append(followUp)
    }

    /// Seeds a record, as a previous process would have left it.
    func seed(_ session: UploadSession) { sessions.append(session) }

    private func update(_ id: String, _ change: (inout UploadSession) throws -> Void) throws {
        guard let index = sessions.firstIndex(where: { $0.id == id }) else { throw Missing() }
        try change(&sessions[index])
    }
}
