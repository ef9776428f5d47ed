import Foundation

/// The routes of `FakeYouTubeServer`, one request per connection.
extension FakeYouTubeServer {
    func route(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        if head.method == "POST", head.path == "/token" { return token(head, &wire) }
        guard authorized(head) else {
            wire.readBody(head.contentLength)
            return reply(
                head, &wire, 401, body: Self.googleError(401, reason: "authError", message: "Invalid Credentials"))
        }
        switch (head.method, head.path) {
        case ("POST", "/upload/youtube/v3/videos"): insert(head, &wire)
        case ("PUT", "/upload/youtube/v3/videos"): put(head, &wire)
        case ("POST", "/upload/youtube/v3/thumbnails/set"): thumbnail(head, &wire)
        case ("POST", "/youtube/v3/playlistItems"): playlistItem(head, &wire)
        case ("POST", "/upload/youtube/v3/captions"): captionInsert(head, &wire)
        default:
            wire.readBody(head.contentLength)
            reply(head, &wire, 404, body: Self.googleError(404, reason: "notFound", message: "No route"))
        }
    }

    func reply(
        _ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire, _ status: Int, headers: [String: String] = [:],
        body: Data = Data()
    ) {
        let range = head.headers["content-range"].map { " \($0)" } ?? ""
        state.withLock { $0.log.append("\(head.method) \(head.path)\(range) → \(status)") }
        wire.respond(
            status, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: body)
    }

    private func token(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        var form = Data()
        wire.readBody(head.contentLength) { form.append(contentsOf: $0) }
        let text = String(decoding: form, as: UTF8.self)
        if text.contains("grant_type=authorization_code") { return consent(text, head, &wire) }
        guard text.contains("grant_type=refresh_token"), text.contains("refresh_token="), text.contains("client_id=")
        else { return reply(head, &wire, 400, body: Self.json(["error": "invalid_request"])) }
        if hasFault({ $0 == .invalidGrant }) {
            let body = Self.json(["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
            return reply(head, &wire, 400, body: body)
        }
        let token = state.withLock { state in
            state.tokenRequests += 1
            let token = "ya29.fake-\(state.tokenRequests)"
            state.tokens.insert(token)
            return token
        }
        reply(head, &wire, 200, body: Self.json(["access_token": token, "expires_in": 3599, "token_type": "Bearer"]))
    }

    /// The consent code exchange: `consentCode` (once) gives `consentRefreshToken`; anything else is `invalid_grant`.
    private func consent(_ form: String, _ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        let fields = Dictionary(
            (URLComponents(string: "http://x/?" + form)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        ) { first, _ in first }
        guard fields["client_id"] != nil, fields["client_secret"] != nil, fields["redirect_uri"] != nil else {
            return reply(head, &wire, 400, body: Self.json(["error": "invalid_request"]))
        }
        let fresh = state.withLock { state in
            guard fields["code"] == Self.consentCode, !state.consentCodeUsed else { return false }
            state.consentCodeUsed = true
            return true
        }
        guard fresh else {
            return reply(
                head, &wire, 400, body: Self.json(["error": "invalid_grant", "error_description": "Bad Request"]))
        }
        let body = Self.json([
            "access_token": "ya29.consent", "expires_in": 3599, "refresh_token": Self.consentRefreshToken,
            "scope": "https://www.googleapis.com/auth/youtube.upload", "token_type": "Bearer",
        ])
        reply(head, &wire, 200, body: body)
    }

    public static let consentCode = "4/0AfakeConsent-code"
    public static let consentRefreshToken = "1//0fake-refresh-from-consent"

    private func authorized(_ head: FakeYouTubeWire.Head) -> Bool {
        if takeFault({ $0 == .expireAccessToken }) != nil {
            state.withLock { $0.tokens.removeAll() }
            return false
        }
        guard let header = head.headers["authorization"], header.hasPrefix("Bearer ") else { return false }
        return state.withLock { $0.tokens.contains(String(header.dropFirst(7))) }
    }

    private func insert(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        var metadata = Data()
        wire.readBody(head.contentLength) { metadata.append(contentsOf: $0) }
        if hasFault({ $0 == .quotaExceeded }) {
            let body = Self.googleError(
                403, reason: "quotaExceeded",
                message: "The request cannot be completed because you have exceeded your quota.")
            return reply(head, &wire, 403, body: body)
        }
        guard head.query("uploadType") == "resumable", let total = Int(head.headers["x-upload-content-length"] ?? ""),
            (try? JSONSerialization.jsonObject(with: metadata)) is [String: Any]
        else {
            return reply(head, &wire, 400, body: Self.googleError(400, reason: "badRequest", message: "Bad insert"))
        }
        let id = state.withLock { state in
            let id = "S\(state.sessionOrder.count + 1)"
            state.sessions[id] = Session(id: id, total: total, metadata: metadata)
            state.sessionOrder.append(id)
            return id
        }
        reply(head, &wire, 200, headers: ["Location": "\(uploadBase)/videos?uploadType=resumable&upload_id=\(id)"])
    }

    private func thumbnail(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        var image = Data()
        wire.readBody(head.contentLength) { image.append(contentsOf: $0) }
        if case .thumbnailError(let status)? = takeFault({ if case .thumbnailError = $0 { true } else { false } }) {
            return reply(
                head, &wire, status, body: Self.googleError(status, reason: "backendError", message: "Try again"))
        }
        let found = state.withLock { state in
            guard let index = state.videos.firstIndex(where: { $0.id == head.query("videoId") }) else { return false }
            state.videos[index].thumbnail = image
            return true
        }
        guard found else {
            return reply(head, &wire, 404, body: Self.googleError(404, reason: "videoNotFound", message: "No video"))
        }
        reply(
            head, &wire, 200,
            body: Self.json(["kind": "youtube#thumbnailSetResponse", "items": [["default": ["url": "x"]]]]))
    }

    private func playlistItem(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        var body = Data()
        wire.readBody(head.contentLength) { body.append(contentsOf: $0) }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let snippet = object?["snippet"] as? [String: Any]
        let videoID = (snippet?["resourceId"] as? [String: Any])?["videoId"] as? String
        guard let playlist = snippet?["playlistId"] as? String, let videoID,
            videos.contains(where: { $0.id == videoID })
        else {
            return reply(head, &wire, 404, body: Self.googleError(404, reason: "videoNotFound", message: "No video"))
        }
        let id = state.withLock { state in
            let id = "PLI\(state.playlistItems.count + 1)"
            state.playlistItems.append((id, playlist, videoID))
            return id
        }
        reply(head, &wire, 200, body: Self.json(["kind": "youtube#playlistItem", "id": id]))
    }
}
