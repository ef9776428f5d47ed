import Foundation

/// The resumable upload's `PUT`s: data chunks (`bytes a-b/TOTAL`) and status queries (`bytes */TOTAL`).
extension FakeYouTubeServer {
    func put(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire) {
        let id = head.query("upload_id") ?? ""
        guard let session = state.withLock({ $0.sessions[id] }), !session.forgotten else {
            wire.readBody(head.contentLength)
            return reply(head, &wire, 404, body: Self.googleError(404, reason: "notFound", message: "No such session"))
        }
        let range = Self.contentRange(head.headers["content-range"])
        guard let range, range.total == session.total else {
            wire.readBody(head.contentLength)
            return reply(head, &wire, 400, body: Self.googleError(400, reason: "badContentRange", message: "Bad range"))
        }
        guard session.videoID == nil, let first = range.first, let last = range.last else {
            wire.readBody(head.contentLength)
            return answer(head, &wire, session: id)
        }
        let number = state.withLock { state in
            state.dataPuts += 1
            return state.dataPuts
        }
        guard first == session.received, last - first + 1 == head.contentLength, last < session.total else {
            wire.readBody(head.contentLength)
            let message = "Content-Range \(first)-\(last) does not continue at \(session.received)"
            return reply(head, &wire, 400, body: Self.googleError(400, reason: "badContentRange", message: message))
        }
        guard takeFault({ $0 == .pause(chunk: number) }) != nil else {
            return receive(head, &wire, session: id, chunk: number)
        }
        pausedSignal.signal()
        releaseSignal.wait()
        receive(head, &wire, session: id, chunk: number)
        pausedRequestDone.signal()
    }

    /// Reads a data chunk into the session, applying the chunk's fault, and answers (unless the fault or the
    /// client cut the connection).
    private func receive(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire, session id: String, chunk: Int) {
        let fault = takeFault { fault in
            switch fault {
            case .dropConnection(chunk, _), .serverError(chunk, _), .keepPartially(chunk, _): true
            default: false
            }
        }
        var (readLimit, keepLimit) = (head.contentLength, head.contentLength)
        switch fault {
        case .dropConnection(_, let after)?: (readLimit, keepLimit) = (min(after, readLimit), min(after, readLimit))
        case .serverError?: keepLimit = 0
        case .keepPartially(_, let keep)?: keepLimit = min(keep, keepLimit)
        default: break
        }
        var kept = 0
        let arrived = wire.readBody(readLimit) { piece in
            let part = piece.prefix(max(0, keepLimit - kept))
            kept += part.count
            if !part.isEmpty { append(part, to: id) }
        }
        if case .dropConnection? = fault {
            state.withLock { $0.log.append("PUT \(head.headers["content-range"] ?? "") → dropped") }
            return wire.drop()
        }
        guard arrived == head.contentLength else { return }  // the client went away (killed)
        if case .serverError(_, let status)? = fault {
            return reply(
                head, &wire, status, body: Self.googleError(status, reason: "backendError", message: "Try again"))
        }
        answer(head, &wire, session: id)
        if takeFault({ $0 == .expireSession(afterChunk: chunk) }) != nil {
            state.withLock { $0.sessions[id]?.forgotten = true }
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to id: String) {
        state.withLock { state in
            guard var session = state.sessions.removeValue(forKey: id) else { return }
            if storage == .memory {
                session.bytes.append(contentsOf: bytes)
            } else {
                session.hash.update(bytes)
            }
            session.received += bytes.count
            if session.received == session.total { finish(&session, in: &state) }
            state.sessions[id] = session
        }
    }

    private func finish(_ session: inout Session, in state: inout State) {
        let id = "VID" + String(format: "%08d", state.videos.count + 1)
        session.videoID = id
        state.videos.append(
            Video(
                id: id, session: session.id, size: session.received, bytes: session.bytes,
                fnv1a64: session.hash.hex, metadata: session.metadata))
        session.bytes = Data()
    }

    /// `201` with the video when the session is complete, else `308` with `Range` when anything arrived.
    private func answer(_ head: FakeYouTubeWire.Head, _ wire: inout FakeYouTubeWire, session id: String) {
        guard let session = state.withLock({ $0.sessions[id] }) else { return }
        if let videoID = session.videoID {
            var video = (try? JSONSerialization.jsonObject(with: session.metadata)) as? [String: Any] ?? [:]
            video["id"] = videoID
            video["kind"] = "youtube#video"
            return reply(head, &wire, head.contentLength == 0 ? 200 : 201, body: Self.json(video))
        }
        let headers = session.received > 0 ? ["Range": "bytes=0-\(session.received - 1)"] : [:]
        reply(head, &wire, 308, headers: headers)
    }

    /// `bytes a-b/total` or `bytes */total`.
    static func contentRange(_ header: String?) -> (first: Int?, last: Int?, total: Int)? {
        guard let header, header.hasPrefix("bytes ") else { return nil }
        let parts = header.dropFirst(6).split(separator: "/")
        guard parts.count == 2, let total = Int(parts[1]) else { return nil }
        if parts[0] == "*" { return (nil, nil, total) }
        let bounds = parts[0].split(separator: "-")
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first <= last else {
            return nil
        }
        return (first, last, total)
    }
}
