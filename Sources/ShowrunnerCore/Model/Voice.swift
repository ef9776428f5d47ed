/// The account's text-to-speech voice and its provider settings.
public struct Voice: Sendable, Hashable {
    public enum Provider: String, Sendable, Hashable, CaseIterable { case espeak, openai, command, piper }

    public var provider: Provider
    /// Provider-specific voice name (`en-us+f3`, `alloy`).
    public var voice: String
    /// 1.0 = the provider's normal rate.
    public var speed: Double
    /// espeak-ng pitch, 0–99.
    public var pitch: Int? {
        get { extras.pitch }
        set { extras.pitch = newValue }
    }
    /// `openai`: endpoint, model and key (a secret reference); default from `providers.tts_openai`.
    public var baseURL: String? {
        get { extras.baseURL }
        set { extras.baseURL = newValue }
    }
    /// `openai`: the model name; `piper`: the voice model's `.onnx` path (default: en_US-joe-medium from the venv).
    public var model: String? {
        get { extras.model }
        set { extras.model = newValue }
    }
    public var apiKey: String? {
        get { extras.apiKey }
        set { extras.apiKey = newValue }
    }
    /// `command`: argv of a program that reads text on stdin and writes audio to `{{ output }}`.
    public var run: [String]? {
        get { extras.run }
        set { extras.run = newValue }
    }
    /// `piper`: the Python that has `piper-tts` installed (default: the project's `.venv`).
    public var python: String? {
        get { extras.python }
        set { extras.python = newValue }
    }

    /// The provider's own settings, kept behind a reference and only when one is set: most accounts set none, and
    /// 80 bytes of nils in place in each of 10,000 accounts added up.
    private struct Extras: Sendable, Hashable {
        var pitch: Int?
        var baseURL: String?
        var model: String?
        var apiKey: String?
        var run: [String]?
        var python: String?
    }

    private var storedExtras: Indirect<Extras>?

    private var extras: Extras {
        get { storedExtras?.value ?? Extras() }
        set { storedExtras = newValue == Extras() ? nil : .value(newValue) }
    }

    public init(
        provider: Provider = .espeak, voice: String = "en-us", speed: Double = 1.0, pitch: Int? = nil,
        baseURL: String? = nil, model: String? = nil, apiKey: String? = nil, run: [String]? = nil,
        python: String? = nil
    ) {
        self.provider = provider
        self.voice = voice
        self.speed = speed
        let extras = Extras(pitch: pitch, baseURL: baseURL, model: model, apiKey: apiKey, run: run, python: python)
        storedExtras = extras == Extras() ? nil : .value(extras)
    }
}
