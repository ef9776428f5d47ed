import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// tts → subtitles → video → thumbnail for real, each step's outputs wired into the next, checked with ffprobe.
struct MediaPipelineTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    private func folder(_ step: String) -> URL {
        fixture.root.appendingPathComponent("state/runs/run-1/\(step)")
    }

    private func run(_ step: some Step, _ id: String, _ inputs: [String: ConfigValue]) async throws -> StepResult {
        try await step.run(fixture.context(inputs, artifacts: folder(id)))
    }

    @Test func aShortRendersWithSpeechAndBurnedSubtitles() async throws {
        let text = "Pasta needs salt. Lots of it."  // two sentences, two cues: short, as every frame is encoded
        let speech = try await run(TTSStep(), "voice", ["text": .string(text)])
        let subtitles = try await run(
            SubtitlesStep(), "subtitles",
            ["text": .string(text), "duration_s": try #require(speech.outputs["duration_s"])])
        let progress = ProgressLog()
        let video = try await VideoStep().run(
            fixture.context(
                [
                    "audio": speech.outputs["audio"]!, "subtitles": subtitles.outputs["srt"]!,
                    "format": .string("short"),
                ],
                artifacts: folder("video"), progress: progress.record))

        guard case .double(let audioSeconds)? = speech.outputs["duration_s"],
            case .string(let srtPath)? = subtitles.outputs["srt"], case .string(let videoPath)? = video.outputs["video"]
        else {
            Issue.record("missing outputs")
            return
        }
        let cues = try SRTFormat.parse(String(contentsOfFile: srtPath, encoding: .utf8))
        #expect(cues.first?.start == 0 && cues.last?.end == Int((audioSeconds * 1000).rounded()))
        #expect(zip(cues, cues.dropFirst()).allSatisfy { $0.end == $1.start })

        let probed = try await MediaProbe.probe(URL(fileURLWithPath: videoPath))
        #expect(probed.video?.codec_name == "h264" && probed.video?.pix_fmt == "yuv420p")
        #expect(probed.video?.width == 1080 && probed.video?.height == 1920)
        #expect(probed.audio?.codec_name == "aac")
        #expect(abs(probed.duration - audioSeconds) < 0.1)
        #expect(video.outputs["duration_s"] == speech.outputs["duration_s"])
        #expect(progress.lines.first == "encoding 0%")
        let ass = try String(contentsOf: folder("video").appendingPathComponent("subtitles.ass"), encoding: .utf8)
        #expect(ass.contains("PlayResY: 1920") && ass.contains("Dialogue: 0,0:00:00.00,"))
    }
}
