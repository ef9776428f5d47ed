import Foundation
import ShowrunnerTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stock footage provider on `127.0.0.1:<ephemeral port>` speaking Pexels' or Pixabay's search protocol: each
/// request is answered by `route` (given the request and the server's base URL, so search results can link to
/// downloads on the same server). Requests are recorded. Call `stop()` when done.
final class FakeStockServer: Sendable {
    struct Reply: Sendable {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: [UInt8]
        /// A `Content-Length` larger than the body, then the connection closes: a truncated download.
        var declaredLength: Int?

        static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Reply {
            Reply(
                status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                body: Array(text.utf8))
        }
    }

    typealias Route = @Sendable (_ request: FakeHTTPServer.Request, _ base: String) -> Reply

    let port: UInt16
    private let listener: Int32
    private let route: Route
    private let recorded = Mutex<[FakeHTTPServer.Request]>([])

    init(route: @escaping Route) throws {
        self.route = route
        (listener, port) = try LoopbackSocket.openListener()
        LoopbackSocket.acceptSerially(listener) { [self] fd in self.serve(fd) }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [FakeHTTPServer.Request] { recorded.withLock { $0 } }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = HTTPWire.readRequest(fd) else { return }
        recorded.withLock { $0.append(request) }
        let reply = route(request, baseURL)
        var head = "HTTP/1.1 \(reply.status) Fake\r\nContent-Length: \(reply.declaredLength ?? reply.body.count)\r\n"
        head += "Connection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        LoopbackSocket.writeAll(fd, Array((head + "\r\n").utf8) + reply.body)
    }

    /// A Pexels `videos/search` reply: one video per id, each with a small and an HD rendition under `/files/`.
    static func pexelsSearch(ids: [Int], base: String) -> Reply {
        let videos = ids.map { id in
            """
            {"id": \(id), "url": "https://www.pexels.com/video/clip-\(id)/", "user": {"name": "Author \(id)"},
             "video_files": [
               {"id": \(id * 10), "quality": "sd", "link": "\(base)/files/\(id)-sd.mp4", "width": 360, "height": 640},
               {"id": \(id * 10 + 1), "quality": "hd", "link": "\(base)/files/\(id)-hd.mp4", "width": 1080, "height": 1920}
             ]}
            """
        }
        return .json(
            #"{"page": 1, "per_page": 15, "total_results": \#(ids.count), "videos": ["# + videos.joined(separator: ",")
                + "]}")
    }

    /// A Pixabay `api/videos/` reply: one hit per id with large, medium and small renditions under `/files/`.
    static func pixabaySearch(ids: [Int], base: String) -> Reply {
        let hits = ids.map { id in
            """
            {"id": \(id), "pageURL": "https://pixabay.com/videos/clip-\(id)/", "user": "maker\(id)",
             "videos": {"large": {"url": "\(base)/files/\(id)-l.mp4", "width": 1920, "height": 1080},
                        "medium": {"url": "\(base)/files/\(id)-m.mp4", "width": 1280, "height": 720},
                        "small": {"url": "\(base)/files/\(id)-s.mp4", "width": 640, "height": 360}}}
            """
        }
        return .json(
            #"{"total": \#(ids.count), "totalHits": \#(ids.count), "hits": ["# + hits.joined(separator: ",") + "]}")
    }
}
