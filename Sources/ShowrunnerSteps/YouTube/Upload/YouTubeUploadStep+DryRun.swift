import Foundation
import ShowrunnerCore

extension YouTubeUploadStep {
    /// Checks the credentials file's shape, the metadata and the files, and says what a run would do (upload,
    /// continue a session, or nothing because the video exists) and what it would cost; sends nothing.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        let plan = try YouTubeUploadPlan.from(context)
        _ = try YouTubeEndpoints(context.settings.providers.youtube)
        _ = try YouTubeCredentials.load(
            reference: plan.credentials, accountID: context.account.id, resolve: resolveSecret)
        let fingerprints = try Fingerprints(plan)
        let existing = try? await context.stores.uploads.uploadSession(
            accountID: context.account.id, checksum: fingerprints.video)
        let done = (try? await followUps(of: existing, context)) ?? []
        let pending = YouTubeFollowUps.pending(plan, fingerprints, done: done)
        var parts = [upload(plan, existing)]
        parts += pending.map {
            switch $0 {
            case .thumbnail(let url, _): "set the thumbnail \(url.lastPathComponent)"
            case .playlist(let id): "add it to playlist \(id)"
            case .captions(let url, _): "add the captions \(url.lastPathComponent) (\(plan.captionLanguage))"
            }
        }
        if existing?.sessionURI == nil, existing?.videoID == nil {
            parts.append(try await quotaNote(pending.map { $0.call }, context))
        }
        let videoID = existing?.videoID ?? "dry-run"
        var result = Self.result(videoID)
        result.outputs["description"] = .string(context.redact("dry run: " + parts.joined(separator: "; ")))
        return result
    }

    private func upload(_ plan: YouTubeUploadPlan, _ existing: UploadSession?) -> String {
        let size = String(format: "%.1f MB", Double(plan.videoSize) / 1_000_000)
        if let videoID = existing?.videoID {
            return "\(plan.video.lastPathComponent) is already on YouTube as \(videoID)"
        }
        if let existing, existing.sessionURI != nil {
            return "would continue the upload session of \(plan.video.lastPathComponent) from byte "
                + "\(existing.uploadedBytes) of \(plan.videoSize)"
        }
        let metadata = plan.metadata
        return "would upload \(plan.video.path) (\(size), \(plan.chunkSize / 1024) KiB chunks) as "
            + "\(metadata.privacy.rawValue) '\(metadata.title)'"
            + (metadata.publishAt.map { ", to be published at \(RFC3339.utc($0))" } ?? "")
    }

    private func quotaNote(_ followUps: [YouTubeCall], _ context: StepContext) async throws -> String {
        let quota = quota(context)
        let day = PacificDay(containing: context.now())
        let used = (try? await context.stores.quota.usage(project: quota.project, day: day)) ?? 0
        let counted = (quota.separateInserts ? [] : [YouTubeCall.insert]) + followUps
        let needed = counted.reduce(0) { $0 + quota.cost(of: $1) }
        let left = max(0, quota.settings.dailyUnits - used)
        let verdict = needed <= left ? "fits" : "does NOT fit; the step would wait for midnight Pacific time"
        return "quota: \(needed) units of project '\(quota.project)' (\(left) of \(quota.settings.dailyUnits) left on "
            + "\(day)) \(verdict)"
    }
}
