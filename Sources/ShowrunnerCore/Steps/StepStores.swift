/// The stores a step kind may use; every attempt gets them in its `StepContext` (the one way steps reach a store).
public struct StepStores: Sendable {
    public var topics: any TopicStore
    /// The titles of the account's recent runs (`topic.llm`'s `avoid_recent`).
    public var recentTitles: any RecentTitles
    /// YouTube upload sessions and follow-ups, recorded before any byte is sent.
    public var uploads: any UploadSessionStore
    /// Each Google project's daily quota use.
    public var quota: any QuotaLedger
    /// The library items and music tracks of the account's recent videos (the `video` step).
    public var recentMedia: any RecentMedia

    public init(
        topics: any TopicStore, recentTitles: any RecentTitles = NoRecentTitles(), uploads: any UploadSessionStore,
        quota: any QuotaLedger, recentMedia: any RecentMedia = NoRecentMedia()
    ) {
        self.topics = topics
        self.recentTitles = recentTitles
        self.uploads = uploads
        self.quota = quota
        self.recentMedia = recentMedia
    }

    /// One store playing every role (the SQLite store in the app).
    public init(_ store: some TopicStore & RecentTitles & UploadSessionStore & QuotaLedger) {
        self.init(topics: store, recentTitles: store, uploads: store, quota: store)
    }

    /// One store playing every role, the recent media's too (the SQLite store in the app).
    public init(_ store: some TopicStore & RecentTitles & UploadSessionStore & QuotaLedger & RecentMedia) {
        self.init(topics: store, recentTitles: store, uploads: store, quota: store, recentMedia: store)
    }
}
