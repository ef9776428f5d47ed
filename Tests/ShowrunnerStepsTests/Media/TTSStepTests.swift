import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct TTSStepTests {
    let fixture: StepFixture
    let step = TTSStep()
    init() throws { fixture = try StepFixture() }

    private func speak(_ text: String, voice: Voice = Voice()) async -> Result<StepResult, any Error> {
        await Result(asyncCatching: { try await step.run(fixture.context(["text": .string(text)], voice: voice)) })
    }

    @Test func espeakWritesAWAVWhoseDurationIsReadFromIt() async throws {
        let result = try await speak(
            "Boil the water. Salt it well, then add the pasta.", voice: Voice(voice: "en-us+f3", speed: 1.1, pitch: 60)
        ).get()
        guard case .string(let path)? = result.outputs["audio"],
            case .double(let seconds)? = result.outputs["duration_s"]
        else {
            Issue.record("missing outputs")
            return
        }
        #expect(result.artifacts == [path])
        let probed = try await MediaProbe.probe(URL(fileURLWithPath: path))
        #expect(probed.audio?.codec_name == "pcm_s16le")
        #expect(abs(probed.duration - seconds) < 0.002)
        #expect(seconds > 1.5 && seconds < 8)
        let script = try String(
            contentsOf: fixture.artifactsDirectory.appendingPathComponent("script.txt"), encoding: .utf8)
        #expect(script == "Boil the water. Salt it well, then add the pasta.")
    }

    @Test func aFasterVoiceIsShorter() async throws {
        let text = "The quick brown fox jumps over the lazy dog, twice."
        let normal = try await speak(text).get().outputs["duration_s"]
        let fast = try await speak(text, voice: Voice(speed: 2)).get().outputs["duration_s"]
        guard case .double(let normalSeconds)? = normal, case .double(let fastSeconds)? = fast else {
            Issue.record("no durations")
            return
        }
        #expect(fastSeconds < normalSeconds * 0.7)
    }

    @Test(arguments: [
        (
            "xx-nowhere",
            "espeak-ng has no voice 'xx-nowhere' (voice: xx-nowhere); `espeak-ng --voices` lists the installed ones."
        ),
        (
            "en-us+nobody",
            "espeak-ng has no variant 'nobody' (voice: en-us+nobody); `espeak-ng --voices=variant` lists them."
        ),
    ])
    func anUnknownEspeakVoiceIsAPermanentFailure(_ name: String, _ message: String) async {
        let failure = await speak("Hello.", voice: Voice(voice: name)).failure
        #expect(failure == StepFailure(.permanent, message))
    }

    @Test(arguments: [
        ("", "input 'text' is empty; the step step needs it."),
        ("  \n ", "input 'text' has no words to speak."),
        ("... !!", "input 'text' has no words to speak."),
    ])
    func anEmptyScriptIsAPermanentFailure(_ text: String, _ message: String) async {
        #expect(await speak(text).failure == StepFailure(.permanent, message))
    }

    @Test func aCommandVoiceReadsStdinAndWritesToTheOutputPath() async throws {
        let tone = try fixture.write(WAVFixture.tone(seconds: 0.75, sampleRate: 16_000), to: "tone.wav")
        let run = ["sh", "-c", "cat > \"$1.txt\" && cp '\(tone.path)' \"$1\"", "sh", "{{ output }}"]
        let result = try await speak("Read me aloud.", voice: Voice(provider: .command, run: run)).get()
        #expect(result.outputs["duration_s"] == .double(0.75))
        let heard = fixture.artifactsDirectory.appendingPathComponent("speech.wav.txt")
        #expect(try String(contentsOf: heard, encoding: .utf8) == "Read me aloud.")
    }

    @Test func aCommandVoiceMayWriteAnyFormat() async throws {
        let tone = try fixture.write(WAVFixture.tone(seconds: 1, sampleRate: 16_000), to: "tone.wav")
        try await fixture.ffmpeg(["-i", tone.path, "-c:a", "libvorbis", "-f", "ogg", "tone.ogg"])
        let ogg = fixture.configDirectory.appendingPathComponent("tone.ogg").path
        let run = ["sh", "-c", "cat > /dev/null; cp '\(ogg)' \"$1\"", "sh", "{{output}}"]
        let result = try await speak("Hello.", voice: Voice(provider: .command, run: run)).get()
        guard case .double(let seconds)? = result.outputs["duration_s"] else { Issue.record("no duration"); return }
        #expect(abs(seconds - 1) < 0.05)
    }

    @Test func commandVoiceFailuresAreClear() async {
        let noPlaceholder = await speak("Hi.", voice: Voice(provider: .command, run: ["sh", "-c", "cat"])).failure
        #expect(
            noPlaceholder?.message == "voice.run must contain {{ output }} where the program should write the audio.")
        let failing = await speak(
            "Hi.",
            voice: Voice(provider: .command, run: ["sh", "-c", "echo 'no model loaded' >&2; exit 3", "{{ output }}"])
        ).failure
        #expect(failing?.message == "voice command 'sh' exited with status 3: no model loaded.")
        #expect(failing?.stderrTail == "no model loaded\n")
        let silent = await speak("Hi.", voice: Voice(provider: .command, run: ["true", "{{ output }}"])).failure
        #expect(silent?.kind == .permanent)
        #expect(silent?.message.hasPrefix("voice command 'true' wrote no audio to {{ output }}") == true)
    }

    @Test func anUnwritableOutputFolderIsAPermanentFailure() async throws {
        let blocker = fixture.root.appendingPathComponent("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let context = fixture.context(["text": .string("Hi.")], artifacts: blocker.appendingPathComponent("voice"))
        let failure = await Result(asyncCatching: { try await step.run(context) }).failure
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasPrefix("cannot use the output folder: cannot create the folder") == true)
    }
}
