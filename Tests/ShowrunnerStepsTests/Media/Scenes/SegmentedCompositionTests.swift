import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

/// A video of more scenes than a group is rendered segment by segment and joined: the pure plan, and real renders
/// measured with ffprobe and scene detection.
struct SegmentedCompositionTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    static let colours = ["red", "blue", "green", "white", "black", "yellow", "purple", "orange", "gray"]

    private func scenes(_ count: Int, seconds: Double) -> [ScenePart] {
        (0..<count).map { index in
            ScenePart(
                source: .still(URL(fileURLWithPath: "/lib/\(index).png")), start: Double(index) * seconds,
                end: Double(index + 1) * seconds)
        }
    }

    private func plan(_ count: Int, fade: Double, seconds: Double = 3.1) -> SegmentedComposition {
        let parts = scenes(count, seconds: seconds)
        return SegmentedComposition(
            whole: CompositionRecipe(
                frame: Frame(width: 1080, height: 1920), scenes: parts, transition: fade, intro: nil, outro: nil,
                logo: nil, subtitles: "subtitles.ass", audio: URL(fileURLWithPath: "/w/mix.wav"),
                duration: parts.last!.end, threads: 1, output: "video.mp4"), groupSize: 4)
    }

    @Test(arguments: [(9, 0.3), (9, 0.0), (5, 0.5), (12, 0.3)])
    func groupsTileTheNarrationFrameExactly(count: Int, fade: Double) {
        let plan = plan(count, fade: fade)
        let groups = plan.groups
        #expect(groups.count == (count + 3) / 4)
        #expect(groups.first?.start == 0)
        #expect(groups.last?.end == SegmentedComposition.onFrame(plan.whole.duration))
        for (earlier, later) in zip(groups, groups.dropFirst()) { #expect(earlier.end == later.start) }
        #expect(groups.map(\.frames).reduce(0, +) == SegmentRecipe.frame(plan.whole.duration))
        #expect(groups.allSatisfy { $0.scenes.count <= 5 })
    }

    @Test func aGroupRendersTheCrossfadeIntoTheNextAndShiftsTheCaptions() {
        let second = plan(9, fade: 0.3).groups[1]
        // Scenes 4…7 and the first of the next group; the window runs from the end of the fade into scene 4
        // (12.4 + 0.15) to the end of the fade into scene 8 (24.8 + 0.15), on frames; the slice starts half a fade
        // before scene 4 (12.25), where its crossfade from scene 3 begins.
        #expect(second.scenes.count == 5 && second.firstIndex == 4)
        #expect(abs(second.start - 12.5667) < 0.001 && abs(second.end - 24.9667) < 0.001)
        let graph = second.filterGraph
        // The fade into the slice's second scene starts 3.1 s (93 frames) into it; the window starts 9.5 frames in
        // (12.5667 − 12.25 s): the first frame at or after it.
        #expect(graph.contains("[s0t0]trim=start_frame=93:end_frame=102,setpts=PTS-STARTPTS[t0]"))
        #expect(graph.contains("[t0][h1]xfade=transition=fade:duration=0.300:offset=0,format=yuv420p[f0]"))
        #expect(graph.contains("[main]trim=start_frame=10:end_frame=382,settb=1/30,setpts=N,tpad="))
        #expect(graph.contains("setpts=PTS+round(377/(30*TB)),subtitles=filename=subtitles.ass,setpts=PTS-STARTPTS"))
        #expect(
            second.arguments.contains("-an") && second.arguments.suffix(3) == ["-frames:v", "372", "segment-2.mp4"])
    }

    @Test func fewScenesStayOnePass() {
        #expect(!SegmentedComposition.needed(plan(2, fade: 0.3).whole))
        #expect(SegmentedComposition.needed(plan(3, fade: 0.3).whole))
        #expect(!SegmentedComposition.needed(plan(4, fade: 0.3).whole, groupSize: 4))
    }

    /// `count` sentences of 2.8 s, 3 s apart.
    static func sentences(_ count: Int) -> ConfigValue {
        var items: [(String, Double, Double)] = []
        for index in 0..<count {
            let start = Double(index) * 3
            items.append(("Sentence number \(index) is here.", start + 0.1, start + 2.9))
        }
        return ConfigValueFixtures.sentences(items)
    }

    private func library(_ count: Int) async throws {
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("library"), withIntermediateDirectories: true)
        for (index, colour) in Self.colours.prefix(count).enumerated() {
            try await fixture.ffmpeg([
                "-f", "lavfi", "-i", "color=c=\(colour):s=96x96", "-frames:v", "1", "library/scene\(index).png",
            ])
        }
    }

    private func render(
        _ inputs: [String: ConfigValue], seconds: Double, parallel: Int = 1, progress: ProgressLines = ProgressLines()
    ) async throws -> (URL, StepResult) {
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "aevalsrc='0.2*sin(2*PI*440*t)':s=22050:d=\(seconds)", "voice.wav",
        ])
        var all: [String: ConfigValue] = ["audio": .string("voice.wav")]
        all.merge(inputs) { $1 }
        let result = try await VideoStep(threads: 1, shrink: 8, parallel: parallel).run(
            fixture.context(all, progress: { progress.add($0) }))
        return (URL(fileURLWithPath: try #require(result.outputs["video"]?.stringValue)), result)
    }

    /// Groups one after another, and two at once (each segment's ffmpeg beside the others and the sound's):
    /// the same file either way.
    @Test(arguments: [1, 2])
    func nineScenesCutAtTheirSentencesAcrossGroups(parallel: Int) async throws {
        try await library(9)
        let sentences = Self.sentences(9)
        let progress = ProgressLines()
        let (video, result) = try await render(
            ["background": .map(["library": .string("library")]), "sentences": sentences, "transition": .int(0)],
            seconds: 27, parallel: parallel, progress: progress)
        let probed = try await MediaProbe.probe(video)
        #expect(probed.video?.codec_name == "h264" && probed.audio?.codec_name == "aac")
        #expect(abs(probed.duration - 27) < 0.1)
        #expect(try await MediaProbe.frames(video) == 27 * 30)
        let percents = progress.lines.compactMap { Int($0.dropFirst("encoding ".count).dropLast()) }
        #expect(percents.first == 0 && percents.last ?? 0 >= 90 && percents == percents.sorted(), "\(percents)")
        guard case .list(let media)? = result.outputs["media"] else {
            throw ProgramFailed(program: "media", arguments: [])
        }
        #expect(Set(media.compactMap(\.stringValue)).count == 9)
        let cuts = try await MediaMeter.sceneChanges(video)
        let expected: [Double] = (1..<9).map { Double($0) * 3 }
        #expect(cuts.count == expected.count, "scene changes at \(cuts)")
        for (cut, boundary) in zip(cuts, expected) {
            #expect(abs(cut - boundary) <= 1.0 / 30 + 0.001, "cut at \(cut), sentence boundary at \(boundary)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.artifactsDirectory.path)
        #expect(left.allSatisfy { !$0.hasPrefix("segment") }, "\(left)")
        // The sound was encoded before the segments and copied by the join: no WAV or AAC file is published.
        #expect(left.allSatisfy { !$0.hasSuffix(".wav") && !$0.hasSuffix(".m4a") }, "\(left)")
        #expect(probed.audio.flatMap(\.sample_rate) == "48000")
    }

    @Test func introOutroLogoAndCrossfadesSurviveTheGroups() async throws {
        try await library(6)
        for (name, colour) in [("intro", "red"), ("outro", "blue")] {
            try await fixture.ffmpeg([
                "-f", "lavfi", "-i", "color=c=\(colour):s=320x180:r=30", "-t", "1", "-pix_fmt", "yuv420p",
                "\(name).mp4",
            ])
        }
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=60x60", "-frames:v", "1", "logo.png"])
        let sentences = Self.sentences(6)
        let (video, result) = try await render(
            [
                "background": .map(["library": .string("library")]), "sentences": sentences,
                "intro": .string("intro.mp4"), "outro": .string("outro.mp4"), "logo": .string("logo.png"),
            ], seconds: 18)
        #expect(abs(try await MediaProbe.probe(video).duration - 20) < 0.15)
        #expect(result.outputs["duration_s"] == .double(20))
        // The logo is on the narration in both groups, not on the intro or the outro.
        for seconds: Double in [3, 16] {
            #expect(try await MediaMeter.grey(video, at: seconds, x: 134 - 12, y: 8) > 200)
        }
        #expect(try await MediaMeter.grey(video, at: 0.5, x: 134 - 12, y: 8) < 120)
        #expect(try await MediaMeter.grey(video, at: 19.5, x: 134 - 12, y: 8) < 120)
    }
}
