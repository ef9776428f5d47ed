import Foundation

// The parts of the providers' search replies that are used (field names as the APIs spell them).

/// Pexels `GET /videos/search`: `videos[].{id, url, user.name, video_files[].{link, width, height}}`.
struct PexelsReply: Decodable {
    struct Video: Decodable {
        struct User: Decodable { var name: String? }
        struct File: Decodable {
            var link: String
            var width: Int?
            var height: Int?
        }
        var id: Int
        var url: String?
        var user: User?
        var video_files: [File]
    }
    var videos: [Video]
}

/// Pixabay `GET /api/videos/`: `hits[].{id, pageURL, user, videos.{large, medium, small}.{url, width, height}}`.
struct PixabayReply: Decodable {
    struct Hit: Decodable {
        struct Videos: Decodable {
            var large: File?
            var medium: File?
            var small: File?
        }
        struct File: Decodable {
            var url: String
            var width: Int?
            var height: Int?
        }
        var id: Int
        var pageURL: String?
        var user: String?
        var videos: Videos
    }
    var hits: [Hit]
}

/// One downloadable size of a stock video.
struct Rendition: Sendable, Equatable {
    var url: URL
    var width: Int
    var height: Int

    /// The smallest rendition that covers the frame's shorter side, else the largest (unknown sizes count as 0).
    static func closest(_ renditions: [Rendition], to frame: Frame) -> Rendition? {
        let need = min(frame.width, frame.height)
        let covering = renditions.filter { min($0.width, $0.height) >= need }
        if let smallest = covering.min(by: { $0.width * $0.height < $1.width * $1.height }) { return smallest }
        return renditions.max { $0.width * $0.height < $1.width * $1.height }
    }
}
