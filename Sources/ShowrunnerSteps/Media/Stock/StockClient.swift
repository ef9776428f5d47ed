import Foundation
import ShowrunnerCore

/// Talks to one stock provider: searches (a 429 is waited out for its `Retry-After`, at most `maxWaits` times and
/// never longer than `longestWait` each; beyond that the step fails as rate-limited and the engine retries it
/// later) and downloads clips into the cache, checked before they are kept. Messages never carry the key or a URL
/// holding it.
struct StockClient: Sendable {
    static let maxWaits = 3
    static let longestWait: Duration = .seconds(60)
    /// The smallest file taken for a video.
    static let minimumBytes = 1024

    var settings: StockSettings
    var http: HTTPClient
    var tool: MediaTool
    /// Waits between rate-limited searches (tests record instead of sleeping).
    var pause: @Sendable (Duration) async throws -> Void

    /// The clips the provider finds for `query`; empty when none.
    func search(_ query: String, frame: Frame) async throws -> [StockClip] {
        let request = settings.provider.searchRequest(
            base: settings.baseURL, query: query, orientation: Self.orientation(frame), count: 15,
            key: settings.apiKey)
        let what = "\(settings.provider.name) search for '\(query)'"
        var waits = 0
        while true {
            let response = try await send(request, what: what)
            if let failure = HTTPFailure.classify(
                status: response.status, headers: response.headers, body: response.body, request: what)
            {
                let wait = failure.retryAfter ?? .seconds(1)
                guard failure.kind == .rateLimit, waits < Self.maxWaits, wait <= Self.longestWait else {
                    throw failure
                }
                waits += 1
                try await pause(wait)
                continue
            }
            guard let clips = settings.provider.clips(in: response.body, frame: frame) else {
                throw StepFailure(.transient, "the \(what) replied with JSON that is not a video search result.")
            }
            return clips
        }
    }

    /// The clip's file in `cache`: downloaded (to a temporary name, checked for its full length and with
    /// ffprobe, then renamed) unless a checked copy is already there. A broken download fails transiently, naming
    /// the clip, and leaves nothing in the cache.
    func fetch(_ clip: StockClip, cache: URL) async throws -> URL {
        let file = clip.cacheFile(in: cache)
        if FileManager.default.fileExists(atPath: file.path) { return file }
        let what = "\(settings.provider.name) video \(clip.id)"
        let response = try await send(
            HTTPRequest(url: clip.download, timeout: .seconds(300)), what: "download of \(what)")
        if let failure = HTTPFailure.classify(
            status: response.status, headers: response.headers, body: response.body, request: "download of \(what)")
        {
            throw failure
        }
        if let declared = response.header("content-length").flatMap(Int.init), declared != response.body.count {
            throw StepFailure(
                .transient, "the download of \(what) is truncated (\(response.body.count) of \(declared) bytes).")
        }
        guard response.body.count >= Self.minimumBytes else {
            throw StepFailure(
                .transient, "the download of \(what) is too small to be a video (\(response.body.count) bytes).")
        }
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part.mp4")
        defer { try? FileManager.default.removeItem(at: partial) }
        do { try response.body.write(to: partial) } catch {
            throw StepFailure.file("write", partial.path, error)
        }
        do {
            try await MediaInspector(tool: tool).require("video", in: partial, what: "download of \(what)")
        } catch let failure as StepFailure {
            throw StepFailure(
                .transient, "the download of \(what) is not a video ffmpeg can read.", stderrTail: failure.stderrTail)
        }
        _ = try? FileManager.default.removeItem(at: file)
        do { try FileManager.default.moveItem(at: partial, to: file) } catch {
            throw StepFailure(.permanent, "cannot keep \(file.path): \(error.localizedDescription)")
        }
        return file
    }

    private func send(_ request: HTTPRequest, what: String) async throws -> HTTPResponse {
        do { return try await http.send(request) } catch let failure as StepFailure {
            // The transport message names the URL, and Pixabay's holds the key.
            throw StepFailure(failure.kind, "the \(what) got no reply (\(failure.kind)).")
        }
    }

    /// `portrait` for a tall frame, `landscape` for a wide one, `square` otherwise.
    static func orientation(_ frame: Frame) -> String {
        frame.height > frame.width ? "portrait" : frame.width > frame.height ? "landscape" : "square"
    }
}
