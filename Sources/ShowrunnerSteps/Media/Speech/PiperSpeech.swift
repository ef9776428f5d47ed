import Foundation
import ShowrunnerCore
import Subprocess

/// Offline neural speech with Piper: one Python process per attempt loads the voice model once and writes one WAV
/// per sentence (`PiperDriver`); the sentences are joined with `sentenceGap` of silence between them
/// (`WAVJoiner`), so each sentence's start and end in the final audio are known to the sample. The process is
/// started and ended like every other child (`ProcessRunner`: own session, SIGTERM then SIGKILL on cancel).
struct PiperSpeech: Sendable {
    /// Silence between sentences, in seconds.
    static let sentenceGap = 0.4

    var runner: ProcessRunner

    /// Writes the speech of `text` as `speech.wav` in `folder`; returns it with each spoken sentence's bounds.
    func synthesize(
        _ text: String, voice: Voice, context: StepContext, in folder: URL
    ) async throws -> (URL, [SpokenSentence]) {
        let runtime: PiperRuntime
        do {
            runtime = try PiperRuntime.resolve(voice, configDirectory: context.configDirectory)
        } catch {
            throw StepFailure(.permanent, "voice provider 'piper': \(error)")
        }
        let sentences = SentenceSplitter.sentences(in: text).filter { $0.contains { $0.isLetter || $0.isNumber } }
        let invocation = CommandInvocation(
            arguments: [runtime.python, "-c", PiperDriver.source], executablePath: runtime.python, environment: [:],
            workingDirectory: folder,
            standardInput: try Self.request(model: runtime.model, speed: voice.speed, sentences: sentences))
        let outcome: ProcessOutcome
        do {
            outcome = try await runner.run(invocation) { line in
                if line.hasPrefix("spoke ") { context.progress("speaking sentence " + line.dropFirst(6)) }
            }
        } catch let error as SubprocessError {
            throw CommandStep.launchFailure(error, invocation, redact: context.redact)
        }
        try Self.check(outcome)
        let parts = sentences.indices.map { folder.appendingPathComponent(PiperDriver.fileName($0)) }
        let output = folder.appendingPathComponent("speech.wav")
        let (spans, format) = try WAVJoiner.join(parts, gap: Self.sentenceGap, to: output)
        for part in parts { try? FileManager.default.removeItem(at: part) }
        return (output, Self.bounds(sentences, spans: spans, sampleRate: format.sampleRate))
    }

    /// The driver's JSON request.
    static func request(model: String, speed: Double, sentences: [String]) throws(StepFailure) -> String {
        let body: [String: ConfigValue] = [
            "model": .string(model), "speed": .double(speed), "sentences": .list(sentences.map { .string($0) }),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(body) else {
            throw StepFailure(.permanent, "cannot encode the script for Piper.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Each sentence with its span in seconds; sentences Piper said nothing for are left out.
    static func bounds(_ sentences: [String], spans: [WAVJoiner.Span], sampleRate: Int) -> [SpokenSentence] {
        zip(sentences, spans).compactMap { text, span in
            guard span.frames > 0 else { return nil }
            let rate = Double(sampleRate)
            return SpokenSentence(
                text: text, start: Double(span.start) / rate, end: Double(span.start + span.frames) / rate)
        }
    }

    private static func check(_ outcome: ProcessOutcome) throws(StepFailure) {
        let tail = outcome.stderrTail.isEmpty ? nil : MediaLog.tail(outcome.stderrTail)
        let detail = outcome.stderrLastLine.map { ": \($0)" } ?? ""
        switch outcome.status {
        case .exited(0): return
        case .exited(let code):
            let message = "Piper failed with status \(code)\(detail)"
            throw StepFailure(.permanent, message.hasSuffix(".") ? message : message + ".", stderrTail: tail)
        case .signaled(let signal):
            throw StepFailure(.transient, "Piper was killed by signal \(signal).", stderrTail: tail)
        }
    }
}
