import Foundation

/// The ffmpeg command that renders a video: the background filled to the frame, the subtitles burned in with
/// libass, H.264 (x264 `veryfast`, yuv420p) and AAC in an MP4 with the index at the front (`+faststart`), cut to
/// the audio's duration. Encoding threads are bounded so two renders share the machine.
struct VideoRecipe: Sendable, Equatable {
    static let frameRate = 30
    /// How far an image background zooms in over the whole video (8 %).
    static let zoom = 0.08

    var format: VideoFormat
    var background: MediaBackground
    var audio: URL
    /// The `.ass` file's name, relative to the folder ffmpeg runs in.
    var subtitles: String?
    var duration: Double
    var threads: Int
    var output: String

    var arguments: [String] {
        ["-v", "error", "-nostdin", "-stats", "-y", "-filter_threads", "\(threads)"] + backgroundInput
            + ["-i", "file:" + audio.path, "-filter_complex", filterGraph, "-map", "[v]", "-map", "1:a:0"]
            + [
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-r",
                "\(Self.frameRate)",
                "-threads", "\(threads)", "-c:a", "aac", "-b:a", "128k", "-ar", "44100", "-movflags", "+faststart",
                "-t", String(format: "%.3f", duration), output,
            ]
    }

    private var backgroundInput: [String] {
        switch background {
        case .color(let color):
            ["-f", "lavfi", "-i", "color=c=\(color):s=\(format.width)x\(format.height):r=\(Self.frameRate)"]
        case .image(let url): ["-i", "file:" + url.path]
        case .video(let url): ["-threads", "\(threads)", "-stream_loop", "-1", "-i", "file:" + url.path]
        }
    }

    var filterGraph: String {
        var filters = backgroundFilters
        if let subtitles { filters.append("subtitles=filename=\(FilterEscaping.value(subtitles))") }
        filters.append("format=yuv420p")
        return "[0:v]" + filters.joined(separator: ",") + "[v]"
    }

    /// An image is scaled and cropped once, held in memory (`loop`), then zoomed slowly by a per-frame scale and a
    /// centre crop; a video is scaled, cropped and set to the frame rate.
    private var backgroundFilters: [String] {
        let (width, height) = (format.width, format.height)
        let fill = [
            "scale=\(width):\(height):force_original_aspect_ratio=increase", "crop=\(width):\(height)", "setsar=1",
        ]
        switch background {
        case .color: return ["setsar=1"]
        case .video:
            // Every frame is scaled: bilinear costs much less than the default bicubic, and the difference does not
            // show in motion. The frame rate is set first, so a 60 fps source is scaled 30 times a second.
            return ["fps=\(Self.frameRate)", fill[0] + ":flags=bilinear"] + fill.dropFirst()
        case .image:
            let seconds = String(format: "%.3f", max(duration, 0.001))
            let zoomedWidth = "trunc(\(width)*(1+\(Self.zoom)*t/\(seconds))/2)*2"
            return fill + [
                "format=yuv420p", "loop=loop=-1:size=1:start=0", "fps=\(Self.frameRate)",
                "scale=w='\(zoomedWidth)':h=-2:eval=frame:flags=bilinear", "crop=\(width):\(height)", "setsar=1",
            ]
        }
    }

    /// Half the cores, at least one: two renders at once leave the scheduler room.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }
}
