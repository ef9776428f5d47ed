import Foundation
import ShowrunnerCore

/// Offline speech with espeak-ng: `espeak-ng -v VOICE -s WPM -p PITCH -w speech.wav -f script.txt`.
///
/// Long scripts go in one call: on this project's 2-core machine a 2,000-word script (11 minutes of speech) takes
/// under a second and 8 MB of memory, and espeak-ng writes one continuous WAV, so there are no joins to click.
struct EspeakSpeech: Sendable {
    /// espeak-ng's normal rate: `speed: 1.0`.
    static let normalWordsPerMinute = 175
    /// espeak-ng's range of rates.
    static let wordsPerMinute = 80...450
    static let defaultPitch = 50

    var tool: MediaTool

    /// Writes the speech of `text` as a WAV in `folder`.
    func synthesize(_ text: String, voice: Voice, in folder: URL) async throws -> URL {
        try await checkVoice(voice.voice, in: folder)
        let script = folder.appendingPathComponent("script.txt")
        let output = folder.appendingPathComponent("speech.wav")
        try OutputFolder.write(text, to: script)
        _ = try await tool.run(
            "espeak-ng",
            Self.arguments(voice: voice, output: output.lastPathComponent, script: script.lastPathComponent),
            in: folder)
        return output
    }

    static func arguments(voice: Voice, output: String, script: String) -> [String] {
        let rate = Int((Double(normalWordsPerMinute) * voice.speed).rounded())
        let clamped = min(max(rate, wordsPerMinute.lowerBound), wordsPerMinute.upperBound)
        let pitch = min(max(voice.pitch ?? defaultPitch, 0), 99)
        return ["-v", voice.voice, "-s", String(clamped), "-p", String(pitch), "-w", output, "-f", script]
    }

    /// An unknown language fails espeak-ng itself, but an unknown variant (`en-us+nope`) is silently ignored: both
    /// are checked against the installed voices first. When the listings cannot be read, espeak-ng decides.
    private func checkVoice(_ voice: String, in folder: URL) async throws {
        async let voices = tool.output("espeak-ng", ["--voices"], in: folder)
        async let variants = tool.output("espeak-ng", ["--voices=variant"], in: folder)
        guard let voices = await voices, let variants = await variants else { return }
        if let problem = EspeakVoiceCatalog(voices: voices, variants: variants).check(voice) {
            throw StepFailure(.permanent, Self.message(problem, voice: voice))
        }
    }

    static func message(_ problem: EspeakVoiceCatalog.Problem, voice: String) -> String {
        switch problem {
        case .unknownLanguage(let language):
            "espeak-ng has no voice '\(language)' (voice: \(voice)); `espeak-ng --voices` lists the installed ones."
        case .unknownVariant(let variant):
            "espeak-ng has no variant '\(variant)' (voice: \(voice)); `espeak-ng --voices=variant` lists them."
        }
    }
}
