import Foundation
import ShowrunnerCore

/// `upload.youtube`: uploads a video with the resumable protocol, exactly once per account and file (SPEC §5.1,
/// §10.3), then sets its thumbnail, adds it to a playlist and uploads its captions (`captions: true`) when configured. Outputs `video_id` and `url`.
///
/// The upload is keyed by the account and the file's checksum and recorded before any byte is sent; a recorded
/// video id ends the step without a request; a recorded session is continued from what the server holds.
public struct YouTubeUploadStep: Step {
    let http: HTTPClient
    let resolveSecret: SecretReference.Resolver
    let clock: any Clock<Duration>
    let recovery: UploadRecovery
    let tokens = AccessTokenCache()

    public init(
        http: HTTPClient = HTTPClient(),
        resolveSecret: @escaping SecretReference.Resolver,
        clock: any Clock<Duration> = ContinuousClock(), recovery: UploadRecovery = UploadRecovery()
    ) {
        self.http = http
        self.resolveSecret = resolveSecret
        self.clock = clock
        self.recovery = recovery
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        var secrets: [String] = []
        do {
            let plan = try YouTubeUploadPlan.from(context)
            let endpoints = try YouTubeEndpoints(context.settings.providers.youtube)
            let fingerprints = try Fingerprints(plan)
            let existing = try await context.stores.uploads.uploadSession(
                accountID: context.account.id, checksum: fingerprints.video)
            let done = try await followUps(of: existing, context)
            let pending = YouTubeFollowUps.pending(plan, fingerprints, done: done)
            if let existing, let videoID = existing.videoID, pending.isEmpty { return Self.result(videoID) }

            let credentials = try YouTubeCredentials.load(
                reference: plan.credentials, accountID: context.account.id, resolve: resolveSecret)
            secrets = credentials.secrets
            let record = try await existingOrNewRecord(existing, plan, fingerprints.video, context)
            let connection = connect(credentials, endpoints, plan, context)
            let videoID = try await connection.uploader.upload(plan, record: record, followUps: pending.map { $0.call })
            try await connection.followUps.perform(pending, videoID: videoID, uploadID: record.id, plan: plan)
            return Self.result(videoID)
        } catch let reply as YouTubeErrorReply {
            await quota(context).exhaust(for: reply)
            throw Self.redacted(reply.failure, secrets, context)
        } catch let failure as StepFailure {
            throw Self.redacted(failure, secrets, context)
        } catch let error where !(error is CancellationError) {
            // The store: a retry reads the upload record again, so a failed write is never a lost upload.
            throw Self.redacted(StepFailure(.transient, "the upload store failed: \(error)."), secrets, context)
        }
    }

    func followUps(of upload: UploadSession?, _ context: StepContext) async throws -> [UploadFollowUp] {
        guard let upload else { return [] }
        return try await context.stores.uploads.followUps(uploadID: upload.id)
    }

    static func result(_ videoID: String) -> StepResult {
        StepResult(outputs: ["video_id": .string(videoID), "url": .string("https://youtu.be/\(videoID)")])
    }

    /// The record of this upload, stored before any byte is sent.
    private func existingOrNewRecord(
        _ existing: UploadSession?, _ plan: YouTubeUploadPlan, _ checksum: String, _ context: StepContext
    ) async throws -> UploadSession {
        if let existing { return existing }
        let record = UploadSession(
            id: UUID().uuidString.lowercased(), accountID: context.account.id, runID: context.run.id,
            stepID: context.stepID, filePath: plan.video.path, fileSize: plan.videoSize, checksum: checksum,
            createdAt: context.now())
        return try await context.stores.uploads.createUploadSession(record)
    }

    func quota(_ context: StepContext) -> YouTubeQuota {
        YouTubeQuota(
            ledger: context.stores.quota, settings: context.settings.providers.youtube.quota,
            project: YouTubeUploadPlan.project(of: context.account), now: context.now)
    }

    private func connect(
        _ credentials: YouTubeCredentials, _ endpoints: YouTubeEndpoints, _ plan: YouTubeUploadPlan,
        _ context: StepContext
    ) -> (uploader: VideoUploader, followUps: YouTubeFollowUps) {
        let api = YouTubeAPI(
            http: http, refresher: OAuthRefresher(tokenURL: endpoints.tokenURL, http: http), credentials: credentials,
            tokens: tokens, now: context.now)
        let quota = quota(context)
        let session = ResumableSession(api: api, uploadBase: endpoints.uploadBase, now: context.now)
        let uploader = VideoUploader(
            uploads: context.stores.uploads, session: session, quota: quota, recovery: recovery, clock: clock,
            now: context.now,
            progress: context.progress)
        let followUps = YouTubeFollowUps(
            api: api, endpoints: endpoints, uploads: context.stores.uploads, quota: quota, now: context.now)
        return (uploader, followUps)
    }

    private static func redacted(_ failure: StepFailure, _ secrets: [String], _ context: StepContext) -> StepFailure {
        var failure = Redactor(secrets: secrets).redact(failure)
        failure.message = context.redact(failure.message)
        return failure
    }
}
