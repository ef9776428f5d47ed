import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// `subtitles` with `style: words` without Piper's bounds (an espeak voice): the sentences are estimated across the
/// audio, the look comes from the inputs, and bad look inputs are clear failures.
struct WordSubtitlesStepTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    @Test func withoutSentenceBoundsTheCaptionsSpanTheAudio() async throws {
        let result = try await SubtitlesStep().run(
            fixture.context([
                "text": .string("Boil the water. Salt it well."), "duration_s": .double(4), "style": .string("words"),
                "format": .string("landscape"), "font_size": .int(70), "position": .string("top"),
                "words_per_line": .int(1),
            ]))
        guard case .string(let path)? = result.outputs["ass"] else {
            Issue.record("no ass output: \(result.outputs)")
            return
        }
        let ass = try String(contentsOfFile: path, encoding: .utf8)
        #expect(ass.contains("PlayResX: 1920\nPlayResY: 1080\n"))
        #expect(
            ass.contains(
                "Style: Word,DejaVu Sans,70,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,6,2,8,"))
        let lines = ass.split(separator: "\n").filter { $0.hasPrefix("Dialogue: ") }
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("Dialogue: 0,0:00:00.00,") == true)
        #expect(lines.last?.hasPrefix("Dialogue: 0,") == true && lines.last?.contains(",0:00:04.00,Word,") == true)
        #expect(result.outputs["srt"] != nil)
        #expect(result.artifacts.count == 2)
    }

    @Test(arguments: [
        (["style": ConfigValue.string("karaoke")], "input 'style' must be lines or words, found 'karaoke'."),
        (
            ["style": .string("words"), "words_per_line": .int(4)],
            "input 'words_per_line' must be between 1 and 3, found 4."
        ),
        (
            ["style": .string("words"), "highlight_color": .string("yellow")],
            "input 'highlight_color' must be a colour like #FFD60A, found 'yellow'."
        ),
        (
            ["style": .string("words"), "position": .string("left")],
            "input 'position' must be top, middle or bottom, found 'left'."
        ),
        (
            ["style": .string("words"), "sentences": .string("x")],
            "input 'sentences' must be a list of {text, start_s, end_s}."
        ),
    ])
    func badLookInputsAreClearFailures(_ extra: [String: ConfigValue], _ message: String) async {
        let inputs: [String: ConfigValue] = ["text": .string("Hello there."), "duration_s": .double(2)]
        let failure = await stepFailure {
            try await SubtitlesStep().run(fixture.context(inputs.merging(extra) { $1 }))
        }
        #expect(failure == StepFailure(.permanent, message))
    }

    @Test func preflightNamesAMissingPiperModelPerAccount() async {
        let preflight = MediaPreflight(
            probe: MediaPreflight.Probe(
                findProgram: { "/usr/bin/\($0)" }, output: { _, _ in nil }, fileExists: { _ in false }),
            configDirectory: URL(fileURLWithPath: "/srv/config"))
        let usage = MediaPreflight.Usage(
            accountID: "space", voice: Voice(provider: .piper, model: "v/x.onnx", python: "/usr/bin/python3"),
            kinds: ["tts"])
        let problems = await preflight.check([usage])
        #expect(
            problems == [
                MediaPreflight.Problem(
                    accountID: "space",
                    message: "voice.python: voice provider 'piper': the Python for Piper /usr/bin/python3 does not "
                        + "exist; run scripts/install-deps.sh or set voice.python.")
            ])
    }
}
