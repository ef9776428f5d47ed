import Foundation
import ShowrunnerCore

/// What fills the frame behind the text: a colour, an image (scaled and cropped to fill) or a video (looped or
/// trimmed to the audio, scaled and cropped to fill).
enum MediaBackground: Sendable, Equatable {
    /// In ffmpeg's syntax (`0x1d3557`, `navy`).
    case color(String)
    case image(URL)
    case video(URL)

    static let videoExtensions: Set<String> = [
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "gif", "mpg", "mpeg", "ts", "flv", "wmv",
    ]

    /// `text` as a colour (`#rrggbb`, a name like `navy`) or a file path (relative to the config folder); an image
    /// or video by its extension. A missing file or an unknown colour is a permanent failure naming `input`.
    static func parse(
        _ text: String, input: String, resolve: (String) -> URL,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) throws(StepFailure) -> MediaBackground {
        let trimmed = text.trimmingSpaces()
        if let color = MediaColor.parse(trimmed) { return .color(color) }
        let url = resolve(trimmed)
        guard fileExists(url.path) else {
            let looksLikeName = !trimmed.contains("/") && !trimmed.contains(".")
            throw StepFailure(
                .permanent,
                looksLikeName
                    ? "input '\(input)': '\(trimmed)' is neither a colour (#rrggbb or a name like navy) nor a file."
                    : "input '\(input)': the background file \(url.path) does not exist.")
        }
        return videoExtensions.contains(url.pathExtension.lowercased()) ? .video(url) : .image(url)
    }
}
