import Foundation

/// A video of many scenes rendered in groups (`SegmentRecipe`s of `groupSize` scenes each, the intro and the outro
/// as segments of their own), one ffmpeg after another, then joined without re-encoding (`-c copy`, the concat
/// demuxer) and muxed with the sound. Peak memory is that of one group instead of every scene at once; the
/// crossfade at a group boundary is rendered whole inside the earlier group, so cuts look as in one pass.
struct SegmentedComposition: Sendable, Equatable {
    /// Scenes per group by default. Measured on the bench/media 60-s short (12 scenes, 1080×1920): one pass peaks
    /// at 570 MB, groups of 4 at 425 MB, 3 at 384 MB, 2 at 342 MB, for the same CPU time.
    static let defaultGroupSize = 2

    var whole: CompositionRecipe
    var groupSize = Self.defaultGroupSize

    /// True when one pass would hold more than a group's inputs.
    static func needed(_ recipe: CompositionRecipe, groupSize: Int = defaultGroupSize) -> Bool {
        recipe.scenes.count > groupSize
    }

    /// The segments in order: intro, the groups, outro.
    var segments: [Segment] {
        var segments: [Segment] = []
        if let intro = whole.intro { segments.append(.bookend(bookend(intro, name: "segment-intro.mp4"))) }
        segments += groups.map(Segment.scenes)
        if let outro = whole.outro { segments.append(.bookend(bookend(outro, name: "segment-outro.mp4"))) }
        return segments
    }

    enum Segment: Sendable, Equatable {
        case scenes(SegmentRecipe)
        case bookend(BookendRecipe)

        var arguments: [String] {
            switch self {
            case .scenes(let recipe): recipe.arguments
            case .bookend(let recipe): recipe.arguments
            }
        }

        var output: String {
            switch self {
            case .scenes(let recipe): recipe.output
            case .bookend(let recipe): recipe.output
            }
        }

        var seconds: Double {
            switch self {
            case .scenes(let recipe): recipe.seconds
            case .bookend(let recipe): Double(SegmentRecipe.frame(recipe.seconds)) / Double(SegmentRecipe.frameRate)
            }
        }
    }

    /// The scene groups; a boundary sits at the end of the crossfade into the next group's first scene.
    var groups: [SegmentRecipe] {
        let scenes = whole.scenes
        let fade = whole.fade
        let bounds = stride(from: 0, to: scenes.count, by: groupSize).map { $0 }
        return bounds.enumerated().map { number, first in
            let last = min(first + groupSize, scenes.count) - 1
            let next = last + 1 < scenes.count ? last + 1 : nil
            let slice = Array(scenes[first...(next ?? last)])
            let start = first == 0 ? 0 : Self.onFrame(scenes[first].start + fade / 2)
            let end = next.map { Self.onFrame(scenes[$0].start + fade / 2) } ?? Self.onFrame(scenes[last].end)
            return SegmentRecipe(
                frame: whole.frame, scenes: slice, fade: fade, before: first > 0, after: next != nil,
                firstIndex: first, start: start, end: end, logo: whole.logo, subtitles: whole.subtitles,
                threads: whole.threads, output: "segment-\(number + 1).mp4")
        }
    }

    private func bookend(_ clip: URL, name: String) -> BookendRecipe {
        BookendRecipe(
            clip: clip, frame: whole.frame, seconds: clip == whole.intro ? whole.introLength : whole.outroLength,
            threads: whole.threads, output: name)
    }

    /// The concat demuxer's list of the segment files.
    var list: String { segments.map { "file '\($0.output)'\n" }.joined() }

    /// The segments and the encoded sound (`CompositionRecipe.soundArguments`) joined as they are: nothing is
    /// encoded after the last segment.
    func joinArguments(list: String) -> [String] {
        ["-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", list, "-i", "file:" + whole.audio.path]
            + ["-map", "0:v:0", "-map", "1:a:0", "-c", "copy"]
            + ["-movflags", "+faststart", "-t", SceneFilters.format(whole.duration), whole.output]
    }

    static func onFrame(_ seconds: Double) -> Double {
        Double(SegmentRecipe.frame(seconds)) / Double(SegmentRecipe.frameRate)
    }
}

/// The intro or outro clip as a segment: filled to the frame, `seconds` long, without sound.
struct BookendRecipe: Sendable, Equatable {
    var clip: URL
    var frame: Frame
    var seconds: Double
    var threads: Int
    var output: String

    var arguments: [String] {
        let rate = SegmentRecipe.frameRate
        let fill = SceneFilters.fill(frame, fps: rate) + ["tpad=stop=\(rate):stop_mode=clone"]
        return ["-v", "error", "-nostdin", "-stats", "-y", "-i", "file:" + clip.path]
            + ["-filter_complex", "[0:v]" + fill.joined(separator: ",") + "[v]", "-map", "[v]", "-an"]
            + CompositionRecipe.videoCodec(threads: threads)
            + ["-frames:v", "\(SegmentRecipe.frame(seconds))", output]
    }
}
