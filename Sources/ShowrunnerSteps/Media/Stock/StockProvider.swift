import Foundation
import ShowrunnerCore

/// A stock footage provider's search API: the request for a query (`GET {base}/videos/search?query=…` with the
/// key in `Authorization` for Pexels; `GET {base}/api/videos/?key=…&q=…` for Pixabay) and the clips in its reply.
enum StockProvider: String, Sendable, Equatable, CaseIterable {
    case pexels
    case pixabay

    var name: String { self == .pexels ? "Pexels" : "Pixabay" }
    var licence: String { self == .pexels ? "Pexels License" : "Pixabay Content License" }
    var defaultBaseURL: String { self == .pexels ? "https://api.pexels.com" : "https://pixabay.com" }

    /// The search for `query` asking for `count` results in `orientation` (`portrait`, `landscape`, `square`).
    func searchRequest(
        base: URL, query: String, orientation: String, count: Int, key: String
    ) -> HTTPRequest {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let root = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        switch self {
        case .pexels:
            components.path = root + "/videos/search"
            components.queryItems = [
                URLQueryItem(name: "query", value: query), URLQueryItem(name: "orientation", value: orientation),
                URLQueryItem(name: "per_page", value: "\(count)"),
            ]
            return HTTPRequest(url: components.url!, headers: ["Authorization": key], timeout: .seconds(30))
        case .pixabay:
            components.path = root + "/api/videos/"
            components.queryItems = [
                URLQueryItem(name: "key", value: key), URLQueryItem(name: "q", value: query),
                URLQueryItem(name: "per_page", value: "\(max(count, 3))"),
                URLQueryItem(name: "safesearch", value: "true"),
            ]
            return HTTPRequest(url: components.url!, timeout: .seconds(30))
        }
    }

    /// The clips of a search reply, each with its rendition closest to `frame` (at least as large when one is);
    /// nil when the body is not the provider's JSON.
    func clips(in body: Data, frame: Frame) -> [StockClip]? {
        let decoder = JSONDecoder()
        switch self {
        case .pexels:
            guard let reply = try? decoder.decode(PexelsReply.self, from: body) else { return nil }
            return reply.videos.compactMap { video in
                let files = video.video_files.compactMap { file -> Rendition? in
                    guard let url = URL(string: file.link), let width = file.width, let height = file.height else {
                        return nil
                    }
                    return Rendition(url: url, width: width, height: height)
                }
                guard let best = Rendition.closest(files, to: frame) else { return nil }
                return StockClip(
                    provider: self, id: "\(video.id)", download: best.url, width: best.width, height: best.height,
                    author: video.user?.name ?? "", page: video.url ?? "")
            }
        case .pixabay:
            guard let reply = try? decoder.decode(PixabayReply.self, from: body) else { return nil }
            return reply.hits.compactMap { hit in
                let files = [hit.videos.large, hit.videos.medium, hit.videos.small].compactMap { file -> Rendition? in
                    guard let file, let url = URL(string: file.url), !file.url.isEmpty else { return nil }
                    return Rendition(url: url, width: file.width ?? 0, height: file.height ?? 0)
                }
                guard let best = Rendition.closest(files, to: frame) else { return nil }
                return StockClip(
                    provider: self, id: "\(hit.id)", download: best.url, width: best.width, height: best.height,
                    author: hit.user ?? "", page: hit.pageURL ?? "")
            }
        }
    }
}
