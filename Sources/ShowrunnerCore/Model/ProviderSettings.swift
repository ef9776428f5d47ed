/// Provider endpoints from `showrunner.yaml` `providers:`; every base URL is configurable so tests use fakes.
public struct ProviderSettings: Sendable, Hashable {
    /// An OpenAI-compatible endpoint.
    public struct Endpoint: Sendable, Hashable {
        public var baseURL: String
        /// A secret reference.
        public var apiKey: String?
        public var model: String

        public init(baseURL: String, apiKey: String? = nil, model: String) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.model = model
        }
    }

    public struct YouTube: Sendable, Hashable {
        public var tokenURL = "https://oauth2.googleapis.com/token"
        public var apiBase = "https://www.googleapis.com/youtube/v3"
        public var uploadBase = "https://www.googleapis.com/upload/youtube/v3"
        public var quota = Quota()

        public init() {}
    }

    /// YouTube Data API quota: costs are configuration because Google changes them.
    public struct Quota: Sendable, Hashable {
        public var dailyUnits = 10_000
        public var insertCost = 1_600
        /// `shared`: uploads spend the project's daily units; `separate`: uploads have their own bucket.
        public var insertBucket = "shared"
        public var thumbnailCost = 50
        public var playlistInsertCost = 50
        /// `captions.insert` (400 units in the 2025 cost table).
        public var captionInsertCost = 400

        public init() {}
    }

    public var llm = Endpoint(
        baseURL: "https://api.openai.com/v1", apiKey: "${env:OPENAI_API_KEY}", model: "gpt-4o-mini")
    public var ttsOpenAI = Endpoint(
        baseURL: "https://api.openai.com/v1", apiKey: "${env:OPENAI_API_KEY}", model: "tts-1")
    public var youtube = YouTube()

    public init() {}
}
