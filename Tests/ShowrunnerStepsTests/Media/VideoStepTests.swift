import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

struct VideoStepTests {
    let fixture: StepFixture
    let step = VideoStep()
    init() throws { fixture = try StepFixture() }

    /// A tone WAV and a matching SRT in the config folder.
    private func inputs(seconds: Double) throws -> [String: ConfigValue] {
        try fixture.write(WAVFixture.tone(seconds: seconds, sampleRate: 22_050), to: "voice.wav")
        let cues = SubtitleTimeline.cues(for: "A test tone. It has subtitles too, burned in.", duration: seconds)
        try fixture.write(Array(SRTFormat.render(cues).utf8), to: "voice.srt")
        return ["audio": .string("voice.wav"), "subtitles": .string("voice.srt")]
    }

    private func render(_ inputs: [String: ConfigValue]) async throws -> (MediaProbe.Report, StepResult) {
        let result = try await step.run(fixture.context(inputs))
        guard case .string(let path)? = result.outputs["video"] else {
            throw ProgramFailed(program: "video", arguments: [])
        }
        #expect(path == fixture.artifactsDirectory.appendingPathComponent("video.mp4").path)
        return (try await MediaProbe.probe(URL(fileURLWithPath: path)), result)
    }

    @Test func aLandscapeVideoOverAnImageZooms() async throws {
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=800x600", "-frames:v", "1", "kitchen.png"])
        var inputs = try inputs(seconds: 1.25)  // short: every frame is a full-HD zoom
        inputs["format"] = .string("landscape")
        inputs["background"] = .string("kitchen.png")
        let (probed, result) = try await render(inputs)
        #expect(probed.video?.codec_name == "h264" && probed.audio?.codec_name == "aac")
        #expect(probed.video?.width == 1920 && probed.video?.height == 1080)
        #expect(abs(probed.duration - 1.25) < 0.1)
        #expect(result.outputs["duration_s"] == .double(1.25))
        let ass = try String(
            contentsOf: fixture.artifactsDirectory.appendingPathComponent("subtitles.ass"), encoding: .utf8)
        #expect(ass.contains("PlayResX: 1920\nPlayResY: 1080"))
    }

    @Test func aShortOverALoopedVideoLastsAsLongAsTheAudio() async throws {
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "0.5", "-pix_fmt", "yuv420p", "loop.mp4",
        ])
        var inputs = try inputs(seconds: 1.6)  // more than three times the loop
        inputs["background"] = .string("loop.mp4")
        let (probed, _) = try await render(inputs)
        #expect(probed.video?.width == 1080 && probed.video?.height == 1920)
        #expect(abs(probed.duration - 1.6) < 0.1)
        #expect(probed.streams.filter { $0.codec_type == "audio" }.count == 1)
    }

    @Test func aColourBackgroundWithoutSubtitles() async throws {
        try fixture.write(WAVFixture.tone(seconds: 1.5), to: "voice.wav")
        let (probed, _) = try await render([
            "audio": .string("voice.wav"), "background": .string("#336699"), "format": .string("landscape"),
        ])
        #expect(probed.video?.width == 1920)
        #expect(abs(probed.duration - 1.5) < 0.1)
        #expect(
            !FileManager.default.fileExists(
                atPath: fixture.artifactsDirectory.appendingPathComponent("subtitles.ass").path))
    }

    @Test func badInputsAreClearPermanentFailures() async throws {
        let base = try inputs(seconds: 1)
        func failure(_ changes: [String: ConfigValue]) async -> StepFailure? {
            await Result(asyncCatching: { try await step.run(fixture.context(base.merging(changes) { $1 })) }).failure
        }
        let config = fixture.configDirectory.path
        #expect(
            await failure(["background": .string("bg/missing.jpg")])
                == StepFailure(
                    .permanent, "input 'background': the background file \(config)/bg/missing.jpg does not exist."))
        #expect(
            await failure(["audio": .string("nope.wav")])
                == StepFailure(.permanent, "input 'audio': the audio file \(config)/nope.wav does not exist."))
        #expect(
            await failure(["format": .string("round")])
                == StepFailure(.permanent, "input 'format' must be short, landscape or square, found 'round'."))
        try fixture.write(Array("not subtitles".utf8), to: "bad.srt")
        #expect(await failure(["subtitles": .string("bad.srt")])?.message.contains("are not valid SRT: line 1") == true)
    }

    @Test func anUnwritableOutputFolderIsAPermanentFailure() async throws {
        let inputs = try inputs(seconds: 1)
        let blocker = fixture.root.appendingPathComponent("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let artifacts = blocker.appendingPathComponent("video")
        let failure = await Result(asyncCatching: { try await step.run(fixture.context(inputs, artifacts: artifacts)) })
            .failure
        #expect(failure?.kind == .permanent)
        #expect(
            failure?.message
                == "cannot use the output folder: cannot create the folder \(artifacts.path): Not a directory.")
    }

    @Test func anFFmpegErrorKeepsItsStderrTail() async throws {
        try fixture.write(Array("RIFF\u{10}\0\0\0WAVEjunk".utf8), to: "broken.wav")
        try fixture.write(Array("this is no audio".utf8), to: "noise.mp3")
        let failure = await Result(asyncCatching: {
            try await step.run(fixture.context(["audio": .string("noise.mp3"), "background": .string("black")]))
        }).failure
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasPrefix("ffprobe failed with status 1") == true)
        #expect(failure?.stderrTail?.isEmpty == false)
        let broken = await Result(asyncCatching: {
            try await step.run(fixture.context(["audio": .string("broken.wav"), "background": .string("black")]))
        }).failure
        #expect(
            broken
                == StepFailure(
                    .permanent,
                    "the audio \(fixture.configDirectory.path)/broken.wav is a broken WAV file: no 'data' chunk."))
    }

    @Test func anEncodeThatFailsKeepsFFmpegsMessages() async throws {
        var inputs = try inputs(seconds: 1)
        try fixture.write(Array("not a picture".utf8), to: "fake.png")
        inputs["background"] = .string("fake.png")
        let failure = await Result(asyncCatching: { try await step.run(fixture.context(inputs)) }).failure
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasPrefix("ffmpeg failed with status 1: [png @ ") == true)
        #expect(failure?.message.contains("Invalid PNG signature") == true)
        let tail = try #require(failure?.stderrTail)
        #expect(tail.contains("Invalid PNG signature"))
        #expect(!tail.contains("frame="))
    }
}
