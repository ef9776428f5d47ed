import Foundation
import ShowrunnerCore

/// An `upload.youtube` attempt's inputs, checked before anything is sent: the files, the metadata, where the video
/// goes and how it is cut into chunks.
struct YouTubeUploadPlan: Sendable {
    static let chunkQuantum = 256 * 1024
    static let defaultChunkSize = 8 * 1024 * 1024
    /// YouTube's limit for a custom thumbnail.
    static let thumbnailByteLimit = 2 * 1024 * 1024

    var video: URL
    var videoSize: Int
    var thumbnail: URL?
    var metadata: YouTubeMetadata
    var playlistID: String?
    /// The SRT to add as a caption track (`captions: true`), its language and track name.
    var captions: URL?
    var captionLanguage = "en"
    var captionName = ""
    var chunkSize: Int
    /// The quota bucket (Google Cloud project) this account spends.
    var project: String
    var credentials: String?

    static func from(_ context: StepContext) throws(StepFailure) -> YouTubeUploadPlan {
        let channel = context.account.channel.youtube ?? YouTubeSettings()
        let video = context.path(try context.requiredString("video"))
        let thumbnail = try context.trimmedString("thumbnail").map(context.path)
        var plan = YouTubeUploadPlan(
            video: video, videoSize: try size(of: video, input: "video"), thumbnail: thumbnail,
            metadata: try YouTubeMetadata.from(context),
            playlistID: try context.trimmedString("playlist_id") ?? channel.playlistID?.nonBlankTrimmed(),
            chunkSize: try chunkSize(context), project: project(of: context.account),
            credentials: channel.credentials)
        if let thumbnail { try checkThumbnail(thumbnail) }
        if try context.bool("captions") == true {
            plan.captions = try captionsFile(context)
            plan.captionLanguage =
                try context.trimmedString("caption_language") ?? context.account.channel.language.nonBlankTrimmed()
                ?? "en"
            plan.captionName = try context.trimmedString("caption_name") ?? ""
        }
        guard plan.videoSize > 0 else {
            throw StepFailure(.permanent, "input 'video' is an empty file: \(video.path).")
        }
        return plan
    }

    /// The account's quota project (`channel.youtube.project`), `default` when none is set.
    static func project(of account: Account) -> String {
        account.channel.youtube?.project.nonBlankTrimmed() ?? "default"
    }

    /// `video/mp4`, `video/quicktime`, …; YouTube accepts any `video/*` type it can decode.
    var contentType: String {
        switch video.pathExtension.lowercased() {
        case "mp4", "m4v": "video/mp4"
        case "mov": "video/quicktime"
        case "webm": "video/webm"
        case "mkv": "video/x-matroska"
        case "avi": "video/x-msvideo"
        default: "application/octet-stream"
        }
    }

    static func thumbnailContentType(_ url: URL) -> String? {
        switch url.pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: nil
        }
    }

    /// Bytes, or a size with a unit (`256KiB`, `8MiB`); a multiple of 256 KiB, as the resumable protocol needs.
    private static func chunkSize(_ context: StepContext) throws(StepFailure) -> Int {
        guard let text = try context.trimmedString("chunk_size") else { return defaultChunkSize }
        let units = [("MiB", 1 << 20), ("KiB", 1 << 10), ("M", 1 << 20), ("K", 1 << 10), ("", 1)]
        let (unit, factor) = units.first { text.hasSuffix($0.0) }!
        let number = Int(text.dropLast(unit.count).trimmingWhitespace())
        guard let number, number > 0, number * factor % chunkQuantum == 0, number * factor <= 1 << 30 else {
            throw StepFailure(
                .permanent,
                "input 'chunk_size' must be a multiple of 256 KiB up to 1 GiB, like 8MiB or 262144; found '\(text)'.")
        }
        return number * factor
    }

    private static func size(of url: URL, input: String) throws(StepFailure) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType != .typeDirectory,
            let size = (attributes[.size] as? NSNumber)?.intValue
        else {
            throw StepFailure(.permanent, "input '\(input)': no file at \(url.path).")
        }
        return size
    }

    /// The `srt` input (wired from the `subtitles` step), a non-empty file.
    private static func captionsFile(_ context: StepContext) throws(StepFailure) -> URL {
        guard let text = try context.trimmedString("srt") else {
            throw StepFailure(
                .permanent, "captions: true needs an SRT: give 'srt' or have a step it needs produce 'srt'.")
        }
        let url = context.path(text)
        guard try size(of: url, input: "srt") > 0 else {
            throw StepFailure(.permanent, "input 'srt' is an empty file: \(url.path).")
        }
        return url
    }

    private static func checkThumbnail(_ url: URL) throws(StepFailure) {
        let size = try size(of: url, input: "thumbnail")
        guard thumbnailContentType(url) != nil else {
            throw StepFailure(
                .permanent, "input 'thumbnail' must be a .png or .jpg image, found \(url.lastPathComponent).")
        }
        guard size > 0, size <= thumbnailByteLimit else {
            throw StepFailure(
                .permanent, "input 'thumbnail' has \(size) bytes; YouTube takes 1 byte to 2 MiB: \(url.path).")
        }
    }
}
