import Foundation

/// One stretch of a long video rendered on its own, without sound, so that one ffmpeg holds only a few scenes'
/// inputs at a time (`SegmentedComposition`): `scenes` is a slice of the video's scenes, each rendered exactly as
/// in one pass (same length, motion and crossfades), and the frames from `start` to `end` (narration seconds, on
/// frame boundaries) are kept, with the logo and the captions (shifted to the narration's clock) on them.
struct SegmentRecipe: Sendable, Equatable {
    var frame: Frame
    var scenes: [ScenePart]
    /// The crossfade of the whole video.
    var fade: Double
    /// Whether the first scene has a neighbour before it (outside the slice), and the last one after it.
    var before: Bool
    var after: Bool
    /// The index of `scenes[0]` in the video (stills take turns at their motion by it).
    var firstIndex: Int
    var start: Double
    var end: Double
    var logo: URL?
    var subtitles: String?
    var threads: Int
    var output: String

    static let frameRate = CompositionRecipe.frameRate

    /// Frames this segment holds.
    var frames: Int { Self.frame(end) - Self.frame(start) }

    static func frame(_ seconds: Double) -> Int { Int((seconds * Double(frameRate)).rounded()) }

    /// Seconds this segment lasts.
    var seconds: Double { Double(frames) / Double(Self.frameRate) }

    var arguments: [String] {
        ["-v", "error", "-nostdin", "-stats", "-y", "-filter_threads", "\(threads)"] + inputs
            + ["-filter_complex", filterGraph, "-map", "[v]", "-an"]
            + CompositionRecipe.videoCodec(threads: threads) + ["-frames:v", "\(frames)", output]
    }

    /// Where the slice's first scene input begins on the narration's clock.
    var origin: Double { scenes[0].start - (before ? fade / 2 : 0) }

    func length(of index: Int) -> Double {
        let scene = scenes[index]
        let lead = index > 0 || before ? fade / 2 : 0
        let tail = index < scenes.count - 1 || after ? fade / 2 : 0
        return scene.end - scene.start + lead + tail
    }

    private var inputs: [String] {
        CompositionRecipe.inputs(scenes, frame: frame)
            + (logo.map { ["-i", "file:" + $0.path] } ?? [])
    }

    var filterGraph: String {
        let rate = Self.frameRate
        var chains: [String] = scenes.indices.map { index in
            let length = SceneJoins.inputLength(
                length(of: index), hasNext: index < scenes.count - 1, fade: fade, fps: rate)
            let filters = SceneFilters.chain(
                scenes[index].source, length: length, frame: frame, variant: firstIndex + index, fps: rate)
            return "[\(index):v]" + filters.joined(separator: ",") + "[s\(index)]"
        }
        chains += SceneJoins.chains(count: scenes.count, fade: fade, fps: rate) {
            scenes[$0].start - fade / 2 - origin
        }
        let first = SceneJoins.frames(start - origin, fps: rate)
        let window = [
            "trim=start_frame=\(first):end_frame=\(first + frames)",
            "settb=1/\(rate)", "setpts=N", "tpad=stop=\(rate):stop_mode=clone",
        ]
        chains.append("[main]" + window.joined(separator: ",") + "[cut]")
        var body = "[cut]"
        if logo != nil {
            chains += CompositionRecipe.logoChains(input: scenes.count, into: body, frame: frame)
            body = "[marked]"
        }
        var finish = ["format=yuv420p"]
        if let subtitles {
            finish =
                [
                    "setpts=PTS+round(\(Self.frame(start))/(\(rate)*TB))",
                    "subtitles=filename=\(FilterEscaping.value(subtitles))",
                    "setpts=PTS-STARTPTS",
                ] + finish
        }
        chains.append(body + finish.joined(separator: ",") + "[v]")
        return chains.joined(separator: ";")
    }
}
