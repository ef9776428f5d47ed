import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct SubtitlesStepTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    @Test(arguments: [ConfigValue.double(4.25), .string("4.25")])
    func theSRTCoversTheAudio(_ duration: ConfigValue) async throws {
        let text = "Salt the water. Add the pasta, stir once, and wait nine minutes before you taste it."
        let result = try await SubtitlesStep().run(fixture.context(["text": .string(text), "duration_s": duration]))
        guard case .string(let path)? = result.outputs["srt"] else { Issue.record("no srt"); return }
        #expect(path.hasSuffix("/subtitles.srt"))
        let cues = try SRTFormat.parse(String(contentsOfFile: path, encoding: .utf8))
        #expect(cues.first?.start == 0 && cues.last?.end == 4_250)
        #expect(cues.map(\.text).joined(separator: " ") == text)
    }

    @Test(arguments: [
        (ConfigValue.string("Hi."), ConfigValue.int(0), "input 'duration_s' must be a positive number of seconds."),
        (.string("Hi."), .string("soon"), "input 'duration_s' must be a positive number of seconds."),
        (.string("Hi."), .null, "input 'duration_s' is missing; the step step needs it."),
        (.string(""), .int(3), "input 'text' is empty; the step step needs it."),
        (.string("— …"), .int(3), "input 'text' has no words to show as subtitles."),
    ])
    func badInputs(_ text: ConfigValue, _ duration: ConfigValue, _ message: String) async {
        let context = fixture.context(["text": text, "duration_s": duration])
        let failure = await Result(asyncCatching: { try await SubtitlesStep().run(context) }).failure
        #expect(failure == StepFailure(.permanent, message))
    }
}
