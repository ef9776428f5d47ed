import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

/// The bench/media composition rendered at full size in this process, for measuring one ffmpeg's peak memory
/// with `/usr/bin/time` (bench/media/README.md): runs only with `SHOWRUNNER_BENCH_RENDER=OUT` set, with
/// `SHOWRUNNER_BENCH_GROUP` scenes per ffmpeg (default the step's), `SHOWRUNNER_BENCH_THREADS` threads each and
/// `SHOWRUNNER_BENCH_PARALLEL` ffmpegs at once (defaults the step's). Reads `bench/media/script.txt`,
/// `media/example/library` and `media/example/music` from the working directory.
struct BenchRenderTests {
    static let out = ProcessInfo.processInfo.environment["SHOWRUNNER_BENCH_RENDER"]

    @Test(.enabled(if: out != nil)) func benchComposition() async throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let out = URL(fileURLWithPath: try #require(Self.out))
        let group =
            ProcessInfo.processInfo.environment["SHOWRUNNER_BENCH_GROUP"].flatMap(Int.init)
            ?? SegmentedComposition.defaultGroupSize
        let text = try String(contentsOf: root.appendingPathComponent("bench/media/script.txt"), encoding: .utf8)
        let fixture = try StepFixture()
        func context(_ inputs: [String: ConfigValue], _ step: String) -> StepContext {
            fixture.context(inputs, artifacts: out.appendingPathComponent(step))
        }
        let voice = try await TTSStep().run(context(["text": .string(text)], "voice"))
        let subtitles = try await SubtitlesStep().run(
            context(["text": .string(text), "duration_s": voice.outputs["duration_s"]!], "subtitles"))
        let started = ContinuousClock.now
        let environment = ProcessInfo.processInfo.environment
        let threads = environment["SHOWRUNNER_BENCH_THREADS"].flatMap(Int.init)
        let parallel = environment["SHOWRUNNER_BENCH_PARALLEL"].flatMap(Int.init) ?? 1
        let video = try await VideoStep(threads: threads, shrink: 1, sceneGroup: group, parallel: parallel).run(
            context(
                [
                    "audio": voice.outputs["audio"]!, "subtitles": subtitles.outputs["srt"]!, "text": .string(text),
                    "background": .map(["library": .string(root.path + "/media/example/library")]),
                    "music": .string(root.path + "/media/example/music"),
                ], "video"))
        guard case .list(let scenes)? = video.outputs["scenes"] else {
            throw ProgramFailed(program: "video", arguments: [])
        }
        print(
            "bench video step: \(ContinuousClock.now - started), \(scenes.count) scenes, \(group) per ffmpeg, \(parallel) at once"
        )
        #expect(video.outputs["video"] != nil)
    }
}
