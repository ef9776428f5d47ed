import ShowrunnerCore

/// What the server says about a resumable session after a `PUT`.
enum UploadProgress: Sendable, Equatable {
    /// `308`: the first `received` bytes arrived (from its `Range: bytes=0-N`; none without a `Range`).
    case incomplete(received: Int)
    /// `200`/`201`: the video exists.
    case complete(videoID: String)
    /// `404`/`410`: the server no longer knows the session.
    case expired

    /// `Range: bytes=0-N` → N + 1; nil when the header is absent or says something else.
    static func received(fromRange header: String?) -> Int? {
        guard let header = header?.trimmingWhitespace(), header.lowercased().hasPrefix("bytes=")
        else { return nil }
        let parts = header.dropFirst("bytes=".count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "0", let last = Int(parts[1]), last >= 0 else { return nil }
        return last + 1
    }

    /// `bytes a-b/total` for the bytes `offset..<offset + length`, or `bytes */total` when `length` is 0.
    static func contentRange(offset: Int, length: Int, total: Int) -> String {
        length == 0 ? "bytes */\(total)" : "bytes \(offset)-\(offset + length - 1)/\(total)"
    }
}
