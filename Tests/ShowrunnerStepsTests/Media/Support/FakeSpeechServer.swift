import Foundation
import ShowrunnerTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An OpenAI-compatible speech endpoint on `127.0.0.1:<ephemeral port>`: each request gets the next scripted
/// reply, whose body is bytes (audio), not text. Requests are recorded. Call `stop()` when done.
final class FakeSpeechServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: [UInt8]

        static func audio(_ bytes: [UInt8], type: String = "audio/wav") -> Reply {
            Reply(status: 200, headers: ["Content-Type": type], body: bytes)
        }

        static func error(_ status: Int, _ json: String, headers: [String: String] = [:]) -> Reply {
            Reply(
                status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                body: Array(json.utf8))
        }
    }

    private struct State {
        var replies: [Reply]
        var requests: [FakeHTTPServer.Request] = []
    }

    let port: UInt16
    private let listener: Int32
    private let state: Mutex<State>

    init(replies: [Reply]) throws {
        state = Mutex(State(replies: replies))
        (listener, port) = try LoopbackSocket.openListener()
        LoopbackSocket.acceptSerially(listener) { [self] fd in self.serve(fd) }
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    var requests: [FakeHTTPServer.Request] { state.withLock { $0.requests } }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = HTTPWire.readRequest(fd) else { return }
        let reply = state.withLock { state -> Reply in
            state.requests.append(request)
            return state.replies.isEmpty
                ? .error(500, #"{"error":{"message":"no scripted reply"}}"#) : state.replies.removeFirst()
        }
        HTTPWire.respond(fd, status: reply.status, headers: reply.headers, body: reply.body)
    }

}
