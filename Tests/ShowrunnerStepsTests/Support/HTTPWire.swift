import Foundation
import ShowrunnerTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing HTTP/1.1 messages on a socket, just enough for `FakeHTTPServer` and `FakeSpeechServer`.
enum HTTPWire {
    static func readRequest(_ fd: Int32) -> FakeHTTPServer.Request? {
        var buffer: [UInt8] = []
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while buffer.firstRange(of: separator) == nil {
            guard let chunk = readChunk(fd) else { return nil }
            buffer += chunk
        }
        let headEnd = buffer.firstRange(of: separator)!
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        var body = Array(buffer[headEnd.upperBound...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            guard let chunk = readChunk(fd) else { return nil }
            body += chunk
        }
        return .init(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body))
    }

    static func respond(_ fd: Int32, status: Int, headers: [String: String], body: String) {
        respond(fd, status: status, headers: headers, body: Array(body.utf8))
    }

    static func respond(_ fd: Int32, status: Int, headers: [String: String], body: [UInt8]) {
        var head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        LoopbackSocket.writeAll(fd, Array((head + "\r\n").utf8) + body)
    }

    private static func readChunk(_ fd: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count > 0 ? Array(chunk.prefix(count)) : nil
    }
}
