import Foundation
import Testing

@testable import ShowrunnerServer

/// Requests NIO cannot parse get a JSON error and a closed connection, never an empty body or a hang.
struct UnparsableRequestTests {
    /// Sends `request` on a plain TCP connection and reads until the server closes it (every read at most 60 s).
    static func exchange(_ request: [UInt8], port: Int) throws -> String {
        String(decoding: try RawHTTP.exchange(request, port: port), as: UTF8.self)
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
