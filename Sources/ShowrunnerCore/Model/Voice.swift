/// The account's text-to-speech voice and its provider settings.
public struct Voice: Sendable, Hashable {
    public enum Provider: String, Sendable, Hashable, CaseIterable { case espeak, openai, command, piper }

    public var provider: Provider
    /// Provider-specific voice name (`en-us+f3`, `alloy`).
    public var voice: String
    /// 1.0 = the provider's normal rate.
    public var speed: Double
    /// espeak-ng pitch, 0–99.
    public var pitch: Int?
    /// `openai`: endpoint, model and key (a secret reference); default from `providers.tts_openai`.
    public var baseURL: String?
    /// `openai`: the model name; `piper`: the voice model's `.onnx` path (default: en_US-joe-medium from the venv).
    public var model: String?
    public var apiKey: String?
    /// `command`: argv of a program that reads text on stdin and writes audio to `{{ output }}`.
    public var run: [String]?
    /// `piper`: the Python that has `piper-tts` installed (default: the project's `.venv`).
    public var python: String?

    public init(
        provider: Provider = .espeak, voice: String = "en-us", speed: Double = 1.0, pitch: Int? = nil,
        baseURL: String? = nil, model: String? = nil, apiKey: String? = nil, run: [String]? = nil,
        python: String? = nil
    ) {
        self.provider = provider
        self.voice = voice
        self.speed = speed
        self.pitch = pitch
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.run = run
        self.python = python
    }
}
