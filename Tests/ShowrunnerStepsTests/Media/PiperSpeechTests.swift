import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// The `piper` voice with the real en_US-joe-medium model: the WAV decodes, and each sentence's recorded bounds are
/// where its audio is in the joined file (sound inside, the silence gap between).
@Suite(.enabled(if: PiperAvailability.shouldRun, "run scripts/install-deps.sh"))
struct PiperSpeechTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    static let script = "A day on Venus lasts 243 Earth days. Its year is shorter, only 225 days! Strange, isn't it?"

    private func speak(_ voice: Voice) async throws -> (URL, Double, [SpokenSentence]) {
        let result = try await TTSStep().run(fixture.context(["text": .string(Self.script)], voice: voice))
        guard case .string(let path)? = result.outputs["audio"],
            case .double(let seconds)? = result.outputs["duration_s"],
            let list = result.outputs["sentences"], let sentences = SpokenSentence.list(list)
        else { throw StepFailure(.permanent, "missing outputs: \(result.outputs)") }
        return (URL(fileURLWithPath: path), seconds, sentences)
    }

    @Test func sentenceBoundsMatchTheJoinedAudio() async throws {
        let (audio, seconds, sentences) = try await speak(Voice(provider: .piper))
        let probed = try await MediaProbe.probe(audio)
        #expect(probed.audio?.codec_name == "pcm_s16le")
        #expect(abs(probed.duration - seconds) < 0.002)
        #expect(
            sentences.map(\.text) == [
                "A day on Venus lasts 243 Earth days.", "Its year is shorter, only 225 days!", "Strange, isn't it?",
            ])
        let frame = 1.0 / 30
        #expect(sentences.first?.start == 0)
        #expect(abs((sentences.last?.end ?? 0) - probed.duration) < frame)
        for (one, next) in zip(sentences, sentences.dropFirst()) {
            #expect(abs(next.start - one.end - PiperSpeech.sentenceGap) < 0.0001)
        }
        // Each sentence holds speech; each gap between them is digital silence.
        let samples = try Self.samples(audio)
        for sentence in sentences {
            #expect(Self.peak(samples, from: sentence.start, to: sentence.end) > 3000)
        }
        for (one, next) in zip(sentences, sentences.dropFirst()) {
            #expect(Self.peak(samples, from: one.end + 0.001, to: next.start - 0.001) == 0)
        }
    }

    @Test func aFasterVoiceIsShorter() async throws {
        let normal = try await speak(Voice(provider: .piper)).1
        let fast = try await speak(Voice(provider: .piper, speed: 1.5)).1
        #expect(fast < normal * 0.8)
    }

    @Test func aMissingModelIsAPermanentFailureNamingTheFile() async throws {
        let voice = Voice(provider: .piper, model: "voices/nobody.onnx")
        let failure = await stepFailure {
            try await TTSStep().run(fixture.context(["text": .string("Hello there.")], voice: voice))
        }
        let path = fixture.configDirectory.appendingPathComponent("voices/nobody.onnx").path
        #expect(failure?.kind == .permanent)
        #expect(
            failure?.message
                == "voice provider 'piper': the Piper voice model \(path) does not exist; set voice.model to an "
                + "installed .onnx file.")
    }

    @Test func aModelThatIsNotOneFailsWithPipersReason() async throws {
        let model = try fixture.write("not a model", to: "voices/broken.onnx")
        try fixture.write("{}", to: "voices/broken.onnx.json")
        let failure = await stepFailure {
            try await TTSStep().run(
                fixture.context(["text": .string("Hello there.")], voice: Voice(provider: .piper, model: model.path)))
        }
        #expect(failure?.kind == .permanent)
        #expect(
            failure?.message.hasPrefix("Piper failed with status 4: cannot load the Piper model \(model.path)") == true)
    }

    /// The 16-bit mono samples of a canonical WAV.
    static func samples(_ url: URL) throws -> [Int16] {
        let data = try Data(contentsOf: url)
        let info = try #require(try AudioFile.wavInfo(url))
        return data.subdata(in: info.dataOffset..<info.dataOffset + info.dataSize).withUnsafeBytes {
            Array($0.bindMemory(to: Int16.self))
        }
    }

    static func peak(_ samples: [Int16], from start: Double, to end: Double, rate: Double = 22050) -> Int {
        let range = max(0, Int(start * rate))..<min(samples.count, Int(end * rate))
        return samples[range].map { abs(Int($0)) }.max() ?? 0
    }
}
