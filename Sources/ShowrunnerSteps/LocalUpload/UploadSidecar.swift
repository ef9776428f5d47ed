/// The JSON written beside a published video: its metadata and where it came from.
struct UploadSidecar: Encodable, Sendable {
    struct PublishedVideo: Encodable, Sendable {
        var file: String
        var source: String
        var bytes: Int
        var fnv1a64: String
    }

    struct PublishedThumbnail: Encodable, Sendable {
        var file: String
        var source: String
    }

    var title: String
    var description: String
    var tags: [String]
    var accountId: String
    var runId: String
    /// RFC 3339 in the account's time zone; nil for a manual run.
    var scheduledAt: String?
    var video: PublishedVideo
    var thumbnail: PublishedThumbnail?
}
