import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Just enough HTTP/1.1 over a socket for `FakeYouTubeServer`: a request head, a body read
/// in pieces (so a 200 MB upload is never held twice), and a reply that closes the connection.
struct FakeYouTubeWire {
    struct Head: Sendable {
        var method: String
        /// Path and query, as sent.
        var target: String
        /// Names in lowercase.
        var headers: [String: String]

        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        var contentLength: Int { Int(headers["content-length"] ?? "0") ?? 0 }

        func query(_ name: String) -> String? {
            guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
            }
            return nil
        }
    }

    let fd: Int32
    /// Bytes read past the head: the start of the body.
    private var pending: [UInt8] = []
    /// Reused for every piece of a body.
    private var scratch = [UInt8](repeating: 0, count: 256 * 1024)

    init(fd: Int32) { self.fd = fd }

    mutating func readHead() -> Head? {
        let separator = Array("\r\n\r\n".utf8)
        while pending.firstRange(of: separator) == nil {
            guard pending.count < 64 * 1024, let bytes = readSome(16 * 1024) else { return nil }
            pending += bytes
        }
        let end = pending.firstRange(of: separator)!
        let lines = String(decoding: pending[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        pending.removeSubrange(..<end.upperBound)
        let first = lines[0].split(separator: " ")
        guard first.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let head = Head(method: String(first[0]), target: String(first[1]), headers: headers)
        if head.headers["expect"]?.lowercased() == "100-continue" { send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        return head
    }

    /// Reads up to `limit` body bytes, calling `consume` with each piece; returns how many arrived (fewer when the
    /// client went away).
    @discardableResult
    mutating func readBody(_ limit: Int, _ consume: (ArraySlice<UInt8>) -> Void = { _ in }) -> Int {
        var count = 0
        if !pending.isEmpty {
            let piece = pending.prefix(limit)
            consume(piece[...])
            count = piece.count
            pending.removeFirst(piece.count)
        }
        while count < limit {
            let want = min(scratch.count, limit - count)
            let got = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            guard got > 0 else { break }
            consume(scratch[..<got])
            count += got
        }
        return count
    }

    func respond(_ status: Int, headers: [String: String] = [:], body: Data = Data()) {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        send(Array((head + "\r\n").utf8) + Array(body))
    }

    /// Closes the connection at once (the client sees it dropped).
    func drop() { shutdown(fd, Int32(SHUT_RDWR)) }

    private func readSome(_ limit: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: limit)
        let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return got > 0 ? Array(buffer.prefix(got)) : nil
    }

    private func send(_ bytes: [UInt8]) { LoopbackSocket.writeAll(fd, bytes) }

    static func reason(_ status: Int) -> String {
        [
            200: "OK", 201: "Created", 308: "Resume Incomplete", 400: "Bad Request", 401: "Unauthorized",
            403: "Forbidden", 404: "Not Found", 503: "Service Unavailable",
        ][status] ?? "Status"
    }

}
