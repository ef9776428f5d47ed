import Foundation
import ShowrunnerCore

/// `captions.insert` of an SRT as a multipart upload (`multipart/related`: the JSON snippet `{videoId, language,
/// name}`, then the file). Returns the caption track's id.
struct YouTubeCaptionUpload: Sendable {
    let api: YouTubeAPI
    let endpoints: YouTubeEndpoints
    let now: @Sendable () -> Date

    func insert(_ srt: URL, videoID: String, language: String, name: String) async throws -> String? {
        let file: Data
        do { file = try Data(contentsOf: srt) } catch {
            throw StepFailure(.permanent, "cannot read the captions \(srt.path): \(error.localizedDescription)")
        }
        let boundary = "showrunner-" + UUID().uuidString.lowercased()
        let request = HTTPRequest(
            method: "POST", url: endpoints.captionsURL,
            headers: ["Content-Type": "multipart/related; boundary=\(boundary)"],
            body: Self.body(file, videoID: videoID, language: language, name: name, boundary: boundary))
        let response = try await api.send(request)
        let summary = "POST \(endpoints.captionsURL.absoluteString)"
        if let reply = YouTubeErrorReply.classify(response, call: .caption, request: summary, now: now()) {
            throw reply
        }
        return ((try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any])?["id"] as? String
    }

    /// The two parts: the snippet as JSON, the SRT as `application/octet-stream`.
    static func body(_ file: Data, videoID: String, language: String, name: String, boundary: String) -> Data {
        let snippet: [String: Any] = [
            "snippet": ["videoId": videoID, "language": language, "name": name, "isDraft": false]
        ]
        let metadata = (try? JSONSerialization.data(withJSONObject: snippet, options: [.sortedKeys])) ?? Data()
        var body = Data("--\(boundary)\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n".utf8)
        body.append(metadata)
        body.append(Data("\r\n--\(boundary)\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return body
    }
}
