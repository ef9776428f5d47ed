import Foundation
import ShowrunnerCore

/// `upload.local`: publishes the video (and thumbnail) into a folder as `<run date>-<slug of title>.<ext>` with a
/// JSON sidecar; a file from a run folder is hard-linked (one copy on disk), any other file copied. Files appear atomically. Publishing the same bytes again is a no-op; other bytes under a taken
/// name get a `-<run id>` suffix.
public struct UploadLocalStep: Step {
    public init() {}

    public func run(_ context: StepContext) async throws -> StepResult {
        let plan = try UploadPlan.from(context)
        let fingerprint = try readFingerprint(plan.video)
        try createFolder(plan.folder)
        let (video, published) = try target(for: plan, fingerprint: fingerprint, runID: context.run.id)
        let runs = context.artifactsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        try writing(video) { if !published { try Self.publish(plan.video, to: video, runs: runs) } }
        let base = video.deletingPathExtension()
        let thumbnail = try plan.thumbnail.map { source throws(StepFailure) in
            let target = base.appendingPathExtension(source.pathExtension.lowercased())
            try writing(target) { try publishUnlessSame(source, to: target, runs: runs) }
            return target
        }
        let sidecar = base.appendingPathExtension("json")
        if !published || !FileManager.default.fileExists(atPath: sidecar.path) {
            let data = try sidecarData(plan, context, video: video, fingerprint: fingerprint, thumbnail: thumbnail)
            try writing(sidecar) { try AtomicFile.store(data, to: sidecar) }
        }
        let artifacts = [video.path] + (thumbnail.map { [$0.path] } ?? []) + [sidecar.path]
        return StepResult(outputs: ["path": .string(video.path)], artifacts: artifacts)
    }

    /// Checks the inputs and the files, and says where the video would go.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        let plan = try UploadPlan.from(context)
        let (video, published) = try target(for: plan, fingerprint: readFingerprint(plan.video), runID: context.run.id)
        let description =
            published ? "\(video.path) is already published" : "would publish \(plan.video.path) at \(video.path)"
        return StepResult(outputs: ["description": .string(description), "path": .string(video.path)])
    }

    /// The plain name when it is free or holds the same bytes (`published`); else the name with the run id.
    private func target(
        for plan: UploadPlan, fingerprint: FileFingerprint, runID: String
    ) throws(StepFailure) -> (url: URL, published: Bool) {
        let suffixed = plan.target(extension: plan.videoExtension, suffix: Slug.make(runID, fallback: "run"))
        for url in [plan.target(extension: plan.videoExtension), suffixed] {
            guard let existing = try readFingerprintIfExists(url) else { return (url, false) }
            if existing == fingerprint { return (url, true) }
        }
        return (suffixed, false)
    }

    private func publishUnlessSame(_ source: URL, to target: URL, runs: URL) throws {
        guard try FileFingerprint.ifExists(target) != FileFingerprint(of: source) else { return }
        try Self.publish(source, to: target, runs: runs)
    }

    /// Run folders' files never change once written (steps publish by rename), so they are hard-linked (copied
    /// across file systems); a file from elsewhere (the config folder) is copied, so editing it later cannot
    /// change what was published.
    static func publish(_ source: URL, to target: URL, runs: URL) throws {
        if source.standardizedFileURL.path.hasPrefix(runs.standardizedFileURL.path + "/") {
            try AtomicFile.linkOrCopy(source, to: target)
        } else {
            try AtomicFile.copy(source, to: target)
        }
    }

    private func sidecarData(
        _ plan: UploadPlan, _ context: StepContext, video: URL, fingerprint: FileFingerprint, thumbnail: URL?
    ) throws(StepFailure) -> Data {
        let zone = context.account.schedule?.timeZone ?? TimeZone(identifier: "UTC")!
        var thumbnailInfo: UploadSidecar.PublishedThumbnail?
        if let thumbnail, let source = plan.thumbnail {
            thumbnailInfo = .init(file: thumbnail.lastPathComponent, source: source.lastPathComponent)
        }
        let sidecar = UploadSidecar(
            title: plan.title, description: plan.description, tags: plan.tags, accountId: context.account.id,
            runId: context.run.id, scheduledAt: context.run.scheduledAt.map { RFC3339.format($0, in: zone) },
            video: .init(
                file: video.lastPathComponent, source: plan.video.lastPathComponent, bytes: fingerprint.size,
                fnv1a64: fingerprint.fnv1a64),
            thumbnail: thumbnailInfo)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(sidecar) + Data("\n".utf8)
        } catch {
            throw StepFailure(.permanent, "cannot encode the sidecar: \(error).")
        }
    }
}
