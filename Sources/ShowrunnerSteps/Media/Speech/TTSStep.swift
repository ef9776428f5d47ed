import Foundation
import ShowrunnerCore

/// `tts`: speaks `text` with the account's voice (Piper or espeak-ng offline, an OpenAI-compatible endpoint, or the
/// account's own command) into `voice.wav` in the step's folder. Outputs `audio` (the WAV's path) and
/// `duration_s`, read from the WAV header; with Piper also `sentences`, each sentence's exact bounds. Each attempt works in its own `AttemptWorkspace`; the WAV is checked
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
        let (audio, (duration, sentences)) = try await workspace.produce("voice.wav") { folder in
            let (speech, sentences) = try await speak(text, voice: voice, context: context, in: folder)
            let wav = folder.appendingPathComponent("voice.wav")
            let duration = try await AudioFile.makeWAV(from: speech, to: wav, tool: tool).duration
            try await MediaCheck(tool: tool).verify(wav, what: "speech audio", expected: duration)
            return (duration, sentences)
        }
        let seconds = (duration * 1000).rounded() / 1000
        var outputs: [String: ConfigValue] = ["audio": .string(audio.path), "duration_s": .double(seconds)]
        if let sentences { outputs["sentences"] = .list(sentences.map(\.value)) }
        return StepResult(outputs: outputs, artifacts: [audio.path])
    }

    /// The speech file, and each sentence's bounds when the provider knows them exactly (Piper).
    private func speak(
        _ text: String, voice: Voice, context: StepContext, in folder: URL
    ) async throws -> (URL, [SpokenSentence]?) {
        switch voice.provider {
        case .espeak: (try await EspeakSpeech(tool: tool).synthesize(text, voice: voice, in: folder), nil)
        case .openai: (try await openAI.synthesize(text, context: context, in: folder), nil)
        case .command:
            (try await CommandSpeech(runner: tool.runner).synthesize(text, context: context, in: folder), nil)
        case .piper:
            try await PiperSpeech(runner: tool.runner).synthesize(text, voice: voice, context: context, in: folder)
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
