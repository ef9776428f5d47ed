/// What kind of channel an account runs, and how it publishes to YouTube.
public struct Channel: Sendable, Hashable {
    /// Free text used by prompts and templates (`cooking`, `history`, …).
    public var type: String
    /// BCP-47 language tag.
    public var language: String
    /// Only needed by `upload.youtube`.
    public var youtube: YouTubeSettings? {
        get { storedYouTube?.value }
        set { storedYouTube = newValue.map(Indirect.value) }
    }
    private var storedYouTube: Indirect<YouTubeSettings>?

    public init(type: String, language: String = "en", youtube: YouTubeSettings? = nil) {
        self.type = type
        self.language = language
        storedYouTube = youtube.map(Indirect.value)
    }
}
