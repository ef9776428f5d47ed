import Foundation

/// One video a stock provider offers for a search: the file to download (the rendition closest to the frame),
/// and who made it and under which licence, for the attribution.
struct StockClip: Sendable, Equatable {
    var provider: StockProvider
    /// The provider's id of the video; the cache file is named after it.
    var id: String
    var download: URL
    var width: Int
    var height: Int
    var author: String
    /// The video's page on the provider's site.
    var page: String

    /// `cache/stock/<provider>/<id>.mp4` below `folder`.
    func cacheFile(in folder: URL) -> URL {
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return folder.appendingPathComponent(provider.rawValue).appendingPathComponent(
            (safe.isEmpty ? "clip" : safe) + ".mp4")
    }

    /// One line for the video's description: `Video by NAME on Pexels (Pexels License): URL`.
    var attribution: String {
        "Video by \(author.isEmpty ? "an unnamed author" : author) on \(provider.name) (\(provider.licence)): \(page)"
    }
}
