import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// Piper → `subtitles` with `style: words` → `video` burning the ASS, for real: every caption event lies inside
/// its sentence's bounds, and the highlighted word shows in the frame while it is spoken.
@Suite(.enabled(if: PiperAvailability.shouldRun, "run scripts/install-deps.sh"))
struct WordCaptionPipelineTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    private func folder(_ step: String) -> URL {
        fixture.root.appendingPathComponent("state/runs/run-1/\(step)")
    }

    @Test func wordCaptionsFollowThePiperSentencesAndAreBurnedIn() async throws {
        let text = "Saturn is light. It would float in water."
        let piper = Voice(provider: .piper)
        let speech = try await TTSStep().run(
            fixture.context(["text": .string(text)], voice: piper, artifacts: folder("voice")))
        let sentences = try #require(speech.outputs["sentences"].flatMap(SpokenSentence.list))
        let subtitles = try await SubtitlesStep().run(
            fixture.context(
                [
                    "text": .string(text), "duration_s": speech.outputs["duration_s"]!,
                    "sentences": speech.outputs["sentences"]!, "style": .string("words"),
                    "highlight_color": .string("#FFD60A"), "words_per_line": .int(2), "position": .string("middle"),
                ], artifacts: folder("subtitles")))
        guard case .string(let assPath)? = subtitles.outputs["ass"], subtitles.outputs["srt"] != nil else {
            Issue.record("missing outputs: \(subtitles.outputs)")
            return
        }
        let events = Self.dialogueTimes(try String(contentsOfFile: assPath, encoding: .utf8))
        #expect(events.count == 8)
        for (start, end) in events {
            #expect(sentences.contains { start >= $0.start && end <= $0.end }, "event \(start)–\(end) outside")
        }

        let video = try await VideoStep().run(
            fixture.context(
                ["audio": speech.outputs["audio"]!, "ass": .string(assPath), "subtitles": subtitles.outputs["srt"]!],
                artifacts: folder("video")))
        guard case .string(let videoPath)? = video.outputs["video"] else { return }
        let probed = try await MediaProbe.probe(URL(fileURLWithPath: videoPath))
        #expect(probed.video?.width == 1080 && probed.video?.height == 1920)
        let (start, end) = events[0]
        #expect(try await Self.highlightPixels(videoPath, at: (start + end) / 2) > 500)
        #expect(try await Self.highlightPixels(videoPath, at: (sentences[0].end + sentences[1].start) / 2) == 0)
    }

    /// Each `Dialogue:` line's start and end, in seconds.
    static func dialogueTimes(_ ass: String) -> [(Double, Double)] {
        ass.split(separator: "\n").filter { $0.hasPrefix("Dialogue: ") }.map { line in
            let fields = line.split(separator: ",", maxSplits: 3)
            return (seconds(fields[1]), seconds(fields[2]))
        }
    }

    static func seconds(_ time: Substring) -> Double {
        let parts = time.split(separator: ":").compactMap { Double($0) }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    /// Pixels of the frame at `seconds` that are the highlight yellow.
    static func highlightPixels(_ video: String, at seconds: Double) async throws -> Int {
        let raw = try await MediaProbe.output(
            "ffmpeg",
            [
                "-v", "error", "-ss", String(format: "%.3f", seconds), "-i", video, "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-",
            ])
        var count = 0
        raw.withUnsafeBytes { bytes in
            for index in stride(from: 0, to: bytes.count - 2, by: 3)
            where bytes[index] > 200 && bytes[index + 1] > 170 && bytes[index + 2] < 90 {
                count += 1
            }
        }
        return count
    }
}
