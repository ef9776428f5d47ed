import Foundation
import ShowrunnerCore

/// An `upload.local` step's inputs, checked: what to publish, where, and under which name.
struct UploadPlan: Sendable {
    var video: URL
    var thumbnail: URL?
    var folder: URL
    /// `<run date>-<slug of title>`, without extension.
    var baseName: String
    var title: String
    var description: String
    var tags: [String]

    static func from(_ context: StepContext) throws(StepFailure) -> UploadPlan {
        let video = try existingFile("video", context.requiredString("video"), context)
        let thumbnail = try context.trimmedString("thumbnail").map { path throws(StepFailure) in
            try existingFile("thumbnail", path, context)
        }
        let folder = context.path(try context.trimmedString("dir") ?? "out/\(context.account.id)")
        let title = try context.trimmedString("title") ?? video.deletingPathExtension().lastPathComponent
        return UploadPlan(
            video: video, thumbnail: thumbnail, folder: folder,
            baseName: "\(runDate(context))-\(Slug.make(title))", title: title,
            description: try context.trimmedString("description") ?? "",
            tags: try (context.stringList("tags") ?? []).map { $0.trimmingSpaces() }.filter { !$0.isEmpty })
    }

    /// `run.date`: the run's scheduled (or creation) day in the account's time zone.
    static func runDate(_ context: StepContext) -> String {
        let zone = context.account.schedule?.timeZone ?? TimeZone(identifier: "UTC")!
        return String(RFC3339.format(context.run.scheduledAt ?? context.run.createdAt, in: zone).prefix(10))
    }

    private static func existingFile(
        _ input: String, _ path: String, _ context: StepContext
    ) throws(StepFailure) -> URL {
        let url = context.path(path.trimmingSpaces())
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw StepFailure(.permanent, "the \(input) file \(url.path) does not exist.")
        }
        return url
    }

    /// `<baseName>.<ext>` in the folder, or `<baseName>-<suffix>.<ext>`.
    func target(extension ext: String, suffix: String? = nil) -> URL {
        folder.appendingPathComponent(baseName + (suffix.map { "-\($0)" } ?? "") + "." + ext)
    }

    var videoExtension: String {
        let ext = video.pathExtension.lowercased()
        return ext.isEmpty ? "mp4" : ext
    }
}
