import Foundation

/// The ffmpeg command that renders the video: each scene from its input (`SceneFilters`), joined with crossfades
/// centred on the cuts (`SceneJoins`), a logo in the top right corner,
/// the subtitles burned in with libass, then the intro and outro clips around it. The sound is the finished mix,
/// already AAC (`audio`, copied). H.264 (x264 `superfast` with a macroblock tree, yuv420p) and AAC in an MP4 with the index at the front, cut to `duration`.
struct CompositionRecipe: Sendable, Equatable {
    static let frameRate = 30

    var frame: Frame
    var scenes: [ScenePart]
    /// Seconds each crossfade lasts.
    var transition: Double
    var intro: URL?
    var outro: URL?
    var logo: URL?
    /// The `.ass` file's name, relative to the folder ffmpeg runs in.
    var subtitles: String?
    /// The finished sound of the whole video (intro and outro included).
    var audio: URL
    var duration: Double
    var threads: Int
    var output: String
    /// Seconds of the intro and outro clips (for rendering them as segments).
    var introLength = 0.0
    var outroLength = 0.0

    var arguments: [String] {
        ["-v", "error", "-nostdin", "-stats", "-y", "-filter_threads", "\(threads)"] + inputs
            + ["-filter_complex", filterGraph, "-map", "[v]", "-map", "\(audioIndex):a:0"]
            + Self.videoCodec(threads: threads) + ["-c:a", "copy"]
            + ["-movflags", "+faststart", "-t", SceneFilters.format(duration), output]
    }

    /// x264 `superfast` with `veryfast`'s macroblock tree (a 5-frame lookahead) at CRF 22, yuv420p, at the frame
    /// rate. Measured on the bench's scenes against a lossless render: x264's CPU −35 % of `veryfast`'s, the file
    /// +4 %, SSIM 0.9864 against 0.9867 (plain `superfast`, without the tree: the file +66 %). The lookahead runs in
    /// a thread of its own (x264's default): in ffmpeg's thread it held the frame threads back (2 threads encoded
    /// a quarter slower). Its 5 frames instead of 10 pay for the frames that thread buffers (peak memory as
    /// before); CRF 22 instead of 23 buys back what the shorter tree loses (SSIM −0.0002, file +2 %).
    static func videoCodec(threads: Int) -> [String] {
        [
            "-c:v", "libx264", "-preset", "superfast", "-x264-params", "mbtree=1:rc-lookahead=5", "-crf", "22",
            "-pix_fmt", "yuv420p", "-r", "\(frameRate)", "-threads", "\(threads)",
        ]
    }

    static let audioCodec = ["-c:a", "aac", "-b:a", "160k", "-ar", "48000"]

    /// The finished mix `wav` encoded as the video's sound (`sound`, AAC), which the video's ffmpeg copies: made
    /// before the video renders (about 3 s of one core a minute), not after its last frame.
    static func soundArguments(_ wav: URL) -> [String] {
        ["-v", "error", "-nostdin", "-y", "-i", "file:" + wav.path, "-vn"] + audioCodec + [sound]
    }

    /// The encoded sound's file name.
    static let sound = "sound.m4a"

    /// The crossfade actually used: at most half the shortest scene.
    var fade: Double {
        guard scenes.count > 1 else { return 0 }
        return max(0, min(transition, (scenes.map { $0.end - $0.start }.min() ?? 0) / 2))
    }

    /// How long each scene's input runs: its share plus half a crossfade on each side that has a neighbour.
    func length(of index: Int) -> Double {
        let scene = scenes[index]
        let before = index > 0 ? fade / 2 : 0
        let after = index < scenes.count - 1 ? fade / 2 : 0
        return scene.end - scene.start + before + after
    }

    private var inputs: [String] {
        Self.inputs(scenes, frame: frame)
            + [intro, outro, logo].compactMap { $0 }.flatMap { ["-i", "file:" + $0.path] } + [
                "-i", "file:" + audio.path,
            ]
    }

    /// One input per scene: a colour source, a still, or a clip looped by its input (decoded by one thread: a
    /// clip is small beside the frame, and each decoding thread holds frames of its own).
    static func inputs(_ scenes: [ScenePart], frame: Frame) -> [String] {
        var arguments: [String] = []
        for scene in scenes {
            switch scene.source {
            case .color(let color):
                arguments += ["-f", "lavfi", "-i", "color=c=\(color):s=\(frame.size):r=\(frameRate)"]
            case .still(let url): arguments += ["-i", "file:" + url.path]
            case .clip(let url):
                arguments += ["-threads", "1", "-stream_loop", "-1", "-i", "file:" + url.path]
            }
        }
        return arguments
    }

    private var audioIndex: Int { scenes.count + [intro, outro, logo].compactMap { $0 }.count }

    /// Input numbers of the intro, the outro and the logo (they follow the scenes, in that order).
    private var extras: (intro: Int?, outro: Int?, logo: Int?) {
        var next = scenes.count
        func take(_ url: URL?) -> Int? {
            guard url != nil else { return nil }
            next += 1
            return next - 1
        }
        return (take(intro), take(outro), take(logo))
    }

    var filterGraph: String {
        let extras = extras
        var chains: [String] = scenes.indices.map { index in
            let length = SceneJoins.inputLength(
                length(of: index), hasNext: index < scenes.count - 1, fade: fade, fps: Self.frameRate)
            let filters = SceneFilters.chain(
                scenes[index].source, length: length, frame: frame, variant: index, fps: Self.frameRate)
            return "[\(index):v]" + filters.joined(separator: ",") + "[s\(index)]"
        }
        chains += SceneJoins.chains(count: scenes.count, fade: fade, fps: Self.frameRate) {
            scenes[$0].start - fade / 2
        }
        var body = "[main]"
        if let logo = extras.logo {
            chains += Self.logoChains(input: logo, into: body, frame: frame)
            body = "[marked]"
        }
        let finish = (subtitles.map { ["subtitles=filename=\(FilterEscaping.value($0))"] } ?? []) + ["format=yuv420p"]
        let bookends = [("intro", extras.intro), ("outro", extras.outro)].compactMap { name, index in
            index.map { (name, $0) }
        }
        chains.append(body + finish.joined(separator: ",") + (bookends.isEmpty ? "[v]" : "[body]"))
        guard !bookends.isEmpty else { return chains.joined(separator: ";") }
        let fill = SceneFilters.fill(frame, fps: Self.frameRate).joined(separator: ",")
        chains += bookends.map { name, index in "[\(index):v]\(fill)[\(name)]" }
        let order = (extras.intro != nil ? "[intro]" : "") + "[body]" + (extras.outro != nil ? "[outro]" : "")
        chains.append(order + "concat=n=\(bookends.count + 1):v=1:a=0[v]")
        return chains.joined(separator: ";")
    }

    /// The logo (input `input`) a sixth of the frame wide in the top right corner of `body`, as `[marked]`.
    static func logoChains(input: Int, into body: String, frame: Frame) -> [String] {
        let width = Frame.even(Double(frame.width) / 6)
        let margin = Frame.even(Double(frame.width) / 30)
        return [
            "[\(input):v]scale=\(width):-2,format=rgba,colorchannelmixer=aa=0.85[logo]",
            "\(body)[logo]overlay=W-w-\(margin):\(margin):format=auto[marked]",
        ]
    }
}
