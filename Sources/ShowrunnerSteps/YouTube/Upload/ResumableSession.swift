import Foundation
import ShowrunnerCore

/// The resumable upload protocol of the YouTube Data API: `POST …/videos?uploadType=resumable` opens a session
/// (its URI comes back in `Location`), `PUT`s with `Content-Range: bytes a-b/TOTAL` send the bytes, and a `PUT`
/// with `bytes */TOTAL` asks how much arrived. Messages never show the session URI.
struct ResumableSession: Sendable {
    let api: YouTubeAPI
    let uploadBase: URL
    let now: @Sendable () -> Date
    /// For one chunk `PUT`, from its first byte sent to the answer, plus `timeout(base:bytes:)`'s share per byte.
    var chunkTimeout: Duration = .seconds(300)

    /// `base` plus a second per 64 KiB: a 1 GiB chunk on a slow link still has its time (at least 64 KiB/s).
    static func timeout(base: Duration, bytes: Int) -> Duration { base + .seconds(bytes / (64 << 10)) }

    var insertURL: URL {
        YouTubeEndpoints.url(uploadBase, "videos", query: [("uploadType", "resumable"), ("part", "snippet,status")])
    }

    /// A new session for `plan`'s video; its URI.
    func start(_ plan: YouTubeUploadPlan) async throws -> String {
        let request = HTTPRequest(
            method: "POST", url: insertURL,
            headers: [
                "Content-Type": "application/json; charset=UTF-8", "X-Upload-Content-Length": String(plan.videoSize),
                "X-Upload-Content-Type": plan.contentType,
            ],
            body: plan.metadata.json())
        let summary = "POST \(insertURL.absoluteString)"
        let response = try await api.send(request)
        if let reply = YouTubeErrorReply.classify(response, call: .insert, request: summary, now: now()) {
            throw reply
        }
        guard let location = response.header("location"), let uri = URL(string: location), uri.scheme != nil else {
            throw StepFailure(.transient, "\(summary) answered \(response.status) without a session Location.")
        }
        return uri.absoluteString
    }

    /// How many bytes of `total` the session holds, or whether it is complete or gone.
    func status(_ uri: String, total: Int) async throws -> UploadProgress {
        try await put(uri, body: nil, offset: 0, total: total)
    }

    /// Sends `chunk` as the bytes from `offset`.
    func send(_ chunk: Data, to uri: String, offset: Int, total: Int) async throws -> UploadProgress {
        try await put(uri, body: chunk, offset: offset, total: total)
    }

    private func put(_ uri: String, body: Data?, offset: Int, total: Int) async throws -> UploadProgress {
        guard let url = URL(string: uri) else {
            throw StepFailure(.permanent, "the stored upload session is not a URL.")
        }
        let length = body?.count ?? 0
        let range = UploadProgress.contentRange(offset: offset, length: length, total: total)
        let request = HTTPRequest(
            method: "PUT", url: url,
            headers: body == nil ? ["Content-Range": range, "Content-Length": "0"] : ["Content-Range": range],
            body: body ?? Data(), timeout: Self.timeout(base: chunkTimeout, bytes: length))
        let response = try await api.send(request)
        let summary = length == 0 ? "asking the upload session what arrived" : "PUT \(range) to the upload session"
        switch response.status {
        case 308: return .incomplete(received: UploadProgress.received(fromRange: response.header("range")) ?? 0)
        case 200, 201: return .complete(videoID: try videoID(in: response, summary: summary))
        case 404, 410: return .expired
        default:
            throw YouTubeErrorReply.classify(response, call: .upload, request: summary, now: now())
                ?? StepFailure(.transient, "\(summary) got HTTP \(response.status).")
        }
    }

    private func videoID(in response: HTTPResponse, summary: String) throws(StepFailure) -> String {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard let id = object?["id"] as? String, !id.isEmpty else {
            throw StepFailure(
                .transient, "\(summary) finished (HTTP \(response.status)) without a video id; asking again.")
        }
        return id
    }
}
