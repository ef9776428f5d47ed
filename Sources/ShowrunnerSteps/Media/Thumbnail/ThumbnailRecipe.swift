/// The ffmpeg command that draws a thumbnail: the background filled to the canvas (an image is scaled and cropped
/// and dimmed a little so the text stands out), then each title line centred with `drawtext`, read from a text
/// file (no escaping of the title) with a dark border and shadow. From a video (the rendered one), the frame is its
/// most representative key frame (ffmpeg's `thumbnail` filter).
struct ThumbnailRecipe: Sendable, Equatable {
    static let width = 1280
    static let height = 720
    static let padding = 72
    /// How many of a video's key frames `thumbnail` compares.
    static let bestOf = 24

    var background: MediaBackground
    var layout: TitleLayout
    /// In ffmpeg's syntax.
    var textColor: String
    var fontFile: String
    /// Names of the files holding each line, relative to the folder ffmpeg runs in.
    var lineFiles: [String]
    var output: String

    var arguments: [String] {
        ["-v", "error", "-nostdin", "-y"] + input + [
            "-filter_complex", filterGraph, "-map", "[v]", "-frames:v", "1", "-update", "1", output,
        ]
    }

    private var input: [String] {
        switch background {
        case .color(let color): ["-f", "lavfi", "-i", "color=c=\(color):s=\(Self.width)x\(Self.height):d=1"]
        case .image(let url): ["-i", "file:" + url.path]
        // Only key frames are decoded (x264 puts one at each scene cut); `thumbnail` picks the most typical.
        case .video(let url): ["-skip_frame", "nokey", "-i", "file:" + url.path]
        }
    }

    var filterGraph: String {
        var filters = ["setsar=1"]
        if case .color = background {
        } else {
            let size = "\(Self.width):\(Self.height)"
            filters = ["scale=\(size):force_original_aspect_ratio=increase", "crop=\(size)", "setsar=1"]
            if case .video = background { filters.insert("thumbnail=n=\(Self.bestOf)", at: 0) }
            filters.append("drawbox=c=black@0.3:t=fill")
        }
        let border = max(3, layout.fontSize / 14)
        let shadow = max(2, layout.fontSize / 24)
        for (file, baseline) in zip(lineFiles, layout.baselines(canvasHeight: Self.height)) {
            filters.append(
                "drawtext=fontfile=\(FilterEscaping.value(fontFile)):textfile=\(FilterEscaping.value(file))"
                    + ":expansion=none:fontsize=\(layout.fontSize):fontcolor=\(textColor)"
                    + ":borderw=\(border):bordercolor=black@0.85:shadowx=\(shadow):shadowy=\(shadow)"
                    + ":shadowcolor=black@0.5:x=(w-text_w)/2:y=\(baseline)-max_glyph_a")
        }
        return "[0:v]" + filters.joined(separator: ",") + ",format=rgb24[v]"
    }
}
