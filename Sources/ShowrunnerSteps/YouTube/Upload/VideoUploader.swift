import Foundation
import ShowrunnerCore

/// Gets one upload to a video id, exactly once: a recorded video id is returned without a request; a recorded
/// session is asked what arrived and continued; a session is started only when none is known or the server forgot
/// it (404/410) while no video id was ever recorded. The session URI is stored before any byte is sent.
struct VideoUploader: Sendable {
    let uploads: any UploadSessionStore
    let session: ResumableSession
    let quota: YouTubeQuota
    let recovery: UploadRecovery
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let progress: @Sendable (String) -> Void

    /// A new session per attempt at most this often (a server that keeps forgetting sessions is not fed forever).
    static let maxNewSessions = 2

    func upload(_ plan: YouTubeUploadPlan, record: UploadSession, followUps: [YouTubeCall]) async throws -> String {
        if let videoID = record.videoID { return videoID }
        var uri = record.sessionURI
        var position: UploadProgress = .expired
        if let known = uri { position = try await status(known, total: plan.videoSize) }
        var newSessions = 0
        while true {
            switch position {
            case .complete(let videoID):
                return try await uploads.recordVideoID(videoID, uploadID: record.id, at: now())
            case .expired:
                newSessions += 1
                guard newSessions <= Self.maxNewSessions else {
                    throw StepFailure(
                        .transient, "YouTube forgot the upload session again; trying in the next attempt.")
                }
                if uri != nil { progress("the upload session expired; starting a new one") }
                uri = try await start(plan, record: record, followUps: followUps)
                position = .incomplete(received: 0)
            case .incomplete(let received):
                guard let uri else { preconditionFailure("an incomplete upload always has a session") }
                position = try await send(plan, to: uri, from: received, record: record)
            }
        }
    }

    /// Spends the quota, opens the session and stores its URI (uploaded bytes back to 0) before any byte is sent.
    private func start(
        _ plan: YouTubeUploadPlan, record: UploadSession, followUps: [YouTubeCall]
    ) async throws -> String {
        try await quota.spendInsert(then: followUps)
        let uri = try await session.start(plan)
        try await uploads.recordSessionURI(uri, uploadID: record.id, at: now())
        return uri
    }
}
