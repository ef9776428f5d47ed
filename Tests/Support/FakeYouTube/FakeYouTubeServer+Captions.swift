import Foundation

extension FakeYouTubeServer {
    /// A caption track that `captions.insert` stored.
    public struct CaptionTrack: Sendable {
        public var id: String
        public var video: String
        public var language: String
        public var name: String
        /// The uploaded file (the SRT).
        public var file: Data
    }

    /// `captions.insert` as YouTube takes it with `uploadType=multipart`: a `multipart/related` body whose first part
    /// is the JSON `{snippet: {videoId, language, name}}` and whose second is the caption file. A malformed request is
    /// `400`, an unknown video `404`.
    func captionInsert(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        var body = Data()
        wire.readBody(head.contentLength) { body.append(contentsOf: $0) }
        if case .captionError(let status)? = takeFault({ if case .captionError = $0 { true } else { false } }) {
            return reply(
                head, &wire, status, body: Self.googleError(status, reason: "backendError", message: "Try again"))
        }
        guard head.query("uploadType") == "multipart", let boundary = Self.boundary(head.headers["content-type"]),
            let parts = Self.parts(body, boundary: boundary), parts.count == 2,
            let object = (try? JSONSerialization.jsonObject(with: parts[0])) as? [String: Any],
            let snippet = object["snippet"] as? [String: Any], let videoID = snippet["videoId"] as? String,
            let language = snippet["language"] as? String, !parts[1].isEmpty
        else {
            return reply(head, &wire, 400, body: Self.googleError(400, reason: "badRequest", message: "Bad caption"))
        }
        guard videos.contains(where: { $0.id == videoID }) else {
            return reply(head, &wire, 404, body: Self.googleError(404, reason: "videoNotFound", message: "No video"))
        }
        let id = state.withLock { state in
            let id = "CAP\(state.captionTracks.count + 1)"
            state.captionTracks.append(
                CaptionTrack(
                    id: id, video: videoID, language: language, name: snippet["name"] as? String ?? "", file: parts[1]))
            return id
        }
        reply(head, &wire, 200, body: Self.json(["kind": "youtube#caption", "id": id]))
    }

    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/related"),
            let range = contentType.range(of: "boundary=")
        else { return nil }
        return String(contentType[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    }

    /// The bodies of the parts (each after its blank line), or nil when the body is not framed by `boundary`.
    static func parts(_ body: Data, boundary: String) -> [Data]? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.hasPrefix("--\(boundary)\r\n"), text.hasSuffix("--\(boundary)--\r\n") else { return nil }
        let pieces = text.components(separatedBy: "--\(boundary)").dropFirst().dropLast()
        var parts: [Data] = []
        for piece in pieces {
            guard let split = piece.range(of: "\r\n\r\n") else { return nil }
            var content = String(piece[split.upperBound...])
            if content.hasSuffix("\r\n") { content.removeLast() }
            parts.append(Data(content.utf8))
        }
        return parts
    }
}
