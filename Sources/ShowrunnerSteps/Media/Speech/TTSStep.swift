import Foundation
import ShowrunnerCore

/// `tts`: speaks `text` with the account's voice (espeak-ng offline, an OpenAI-compatible endpoint, or the
/// account's own command) into `voice.wav` in the step's folder. Outputs `audio` (the WAV's path) and
/// `duration_s`, read from the WAV header. Each attempt works in its own `AttemptWorkspace`; the WAV is checked
/// (`MediaCheck`) and only then renamed into the step's folder.
public struct TTSStep: Step {
    let tool: MediaTool
    let openAI: OpenAISpeech

    /// `httpClient` sends the OpenAI-compatible requests; `grace` is how long espeak-ng, ffmpeg or the voice
    /// command have between SIGTERM and SIGKILL when the step is cancelled; `resolveSecret` resolves the voice's
    /// `api_key` reference (the engine resolves only `with:` inputs); nil reads the environment and files relative
    /// to the config folder.
    public init(
        httpClient: HTTPClient = HTTPClient(), grace: Duration = .seconds(5),
        resolveSecret: SecretReference.Resolver? = nil
    ) {
        tool = MediaTool(grace: grace)
        openAI = OpenAISpeech(client: httpClient, tool: tool, resolveSecret: resolveSecret)
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let text = try Self.script(context)
        let workspace = try AttemptWorkspace.open(context)
        let voice = context.account.voice
        context.progress("speaking with \(voice.provider.rawValue) voice \(voice.voice)")
        let (audio, duration) = try await workspace.produce("voice.wav") { folder in
            let speech = try await speak(text, voice: voice, context: context, in: folder)
            let wav = folder.appendingPathComponent("voice.wav")
            let duration = try await AudioFile.makeWAV(from: speech, to: wav, tool: tool).duration
            try await MediaCheck(tool: tool).verify(wav, what: "speech audio", expected: duration)
            return duration
        }
        let seconds = (duration * 1000).rounded() / 1000
        return StepResult(
            outputs: ["audio": .string(audio.path), "duration_s": .double(seconds)], artifacts: [audio.path])
    }

    private func speak(_ text: String, voice: Voice, context: StepContext, in folder: URL) async throws -> URL {
        switch voice.provider {
        case .espeak: try await EspeakSpeech(tool: tool).synthesize(text, voice: voice, in: folder)
        case .openai: try await openAI.synthesize(text, context: context, in: folder)
        case .command: try await CommandSpeech(runner: tool.runner).synthesize(text, context: context, in: folder)
        }
    }

    /// The `text` input; blank text or text without a letter or digit (nothing to say) is a permanent failure.
    static func script(_ context: StepContext) throws(StepFailure) -> String {
        let text = try context.requiredString("text").trimmingSpaces()
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw StepFailure(.permanent, "input 'text' has no words to speak.")
        }
        return text
    }
}
