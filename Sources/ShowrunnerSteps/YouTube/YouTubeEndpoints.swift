import Foundation
import ShowrunnerCore

/// `providers.youtube`'s URLs, checked: the token endpoint, the API base and the upload base.
struct YouTubeEndpoints: Sendable, Equatable {
    var tokenURL: URL
    var apiBase: URL
    var uploadBase: URL

    init(_ settings: ProviderSettings.YouTube) throws(StepFailure) {
        tokenURL = try Self.url(settings.tokenURL, key: "token_url")
        apiBase = try Self.url(settings.apiBase, key: "api_base")
        uploadBase = try Self.url(settings.uploadBase, key: "upload_base")
    }

    var playlistItemsURL: URL { Self.url(apiBase, "playlistItems", query: [("part", "snippet")]) }

    /// `captions.insert` as a multipart upload.
    var captionsURL: URL {
        Self.url(uploadBase, "captions", query: [("uploadType", "multipart"), ("part", "snippet")])
    }

    func thumbnailURL(videoID: String) -> URL {
        Self.url(uploadBase, "thumbnails/set", query: [("videoId", videoID), ("uploadType", "media")])
    }

    static func url(_ base: URL, _ path: String, query: [(String, String)]) -> URL {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.url!
    }

    private static func url(_ text: String, key: String) throws(StepFailure) -> URL {
        let trimmed = text.trimmingWhitespace()
        guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil
        else {
            throw StepFailure(
                .permanent, "providers.youtube.\(key) must be an http:// or https:// URL, found '\(trimmed)'.")
        }
        return url
    }
}
