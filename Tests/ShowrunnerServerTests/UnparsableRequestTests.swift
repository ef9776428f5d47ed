import Foundation
import Testing

@testable import ShowrunnerServer

/// Requests NIO cannot parse get a JSON error and a closed connection, never an empty body or a hang.
struct UnparsableRequestTests {
    /// Sends `request` on a plain TCP connection and reads until the server closes it (at most 10 s).
    static func exchange(_ request: [UInt8], port: Int) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
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
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer.prefix(count)
        }
        return String(decoding: answer, as: UTF8.self)
    }

    static let cases: [(String, [UInt8])] = [
        (
            "a 100 KB id",
            Array("GET /api/runs/\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        ),
        (
            "2,000 headers",
            Array(
                ("GET /api/runs HTTP/1.1\r\nHost: x\r\n" + (0..<2000).map { "X-\($0): v\r\n" }.joined() + "\r\n").utf8)
        ),
        ("method FOO", Array("FOO /api/runs HTTP/1.1\r\nHost: x\r\n\r\n".utf8)),
    ]

    @Test(arguments: cases.indices)
    func anUnparsableRequestIs400WithAJSONErrorAndTheConnectionCloses(_ index: Int) async throws {
        let (name, request) = Self.cases[index]
        try await APIHarness().run { client in
            let answer = try Self.exchange(request, port: client.port)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(name): \(answer.prefix(200))")
            #expect(answer.contains("Content-Type: application/json"), "\(name)")
            #expect(answer.hasSuffix(#"malformed, too long or too many."}}"#), "\(name): \(answer.suffix(200))")
        }
    }

    @Test func connectIs405AndTheConnectionClosesInsteadOfHanging() async throws {
        try await APIHarness().run { client in
            let answer = try Self.exchange(
                Array("CONNECT /api/runs HTTP/1.1\r\nHost: x\r\n\r\n".utf8), port: client.port)
            #expect(answer.hasPrefix("HTTP/1.1 405"), "\(answer)")
            #expect(answer.contains("Connection: close"))
        }
    }
}
