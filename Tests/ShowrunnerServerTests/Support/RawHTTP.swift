import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, for what URLSession hides: redirects not followed, cookies and
/// any header sent as given, and a streaming body (SSE) read until a marker appears. Every read has a 60 s bound:
/// it catches a stuck server, not a slow machine (the full suite can keep the server from answering for 10 s).
struct RawHTTP {
    let port: Int

    struct Answer {
        let status: Int
        let headers: [(String, String)]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    }

    enum Failure: Error { case connect, malformed }

    /// Sends one request (`Connection: close`) and reads the answer to its end, or until `until` is in the raw
    /// bytes read so far (for a stream that does not end).
    /// Runs on a Dispatch thread: a blocking read on the cooperative pool could starve the server under test.
    func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil,
        until marker: String? = nil
    ) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result { try blockingSend(method, path, headers: headers, body: body, until: marker) })
            }
        }
    }

    private func blockingSend(
        _ method: String, _ path: String, headers: [String: String], body: String?, until marker: String?
    ) throws -> Answer {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + (body ?? "")
        let raw = try Self.exchange(Array(request.utf8), port: port, until: marker)
        return try Self.parse(raw, chunked: marker == nil)
    }

    /// Writes `request` as given on a new connection to 127.0.0.1:`port` and reads until the server closes it or
    /// `marker` is in what was read. Blocking; every read is bounded by 60 s.
    static func exchange(_ request: [UInt8], port: Int, until marker: String? = nil) throws -> Data {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure.connect }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure.connect }
        _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var raw = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            raw.append(contentsOf: buffer[0..<count])
            if let marker, String(decoding: raw, as: UTF8.self).contains(marker) { break }
        }
        return raw
    }

    static func parse(_ raw: Data, chunked: Bool) throws -> Answer {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure.malformed
        }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(raw[split.upperBound...])
        let isChunked = headers.contains { $0.0.lowercased() == "transfer-encoding" && $0.1.contains("chunked") }
        if chunked, isChunked { body = dechunk(body) }
        return Answer(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            out.append(rest[start..<end])
            rest = rest[(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}
