import Foundation
import ShowrunnerTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on `127.0.0.1:<ephemeral port>` for tests. Each connection carries one request; the
/// replies are scripted in order (a missing reply is a 500). Every request received is recorded. Call `stop()`
/// when done.
final class FakeHTTPServer: Sendable {
    enum Reply: Sendable {
        case respond(status: Int, headers: [String: String] = [:], body: String = "")
        /// Reads the request, then closes the connection without answering.
        case dropConnection
        /// Reads the request and never answers (until the server stops).
        case hang
        /// Answers 200 with a head that promises more body than it sends, then sends nothing more.
        case stallBody
    }

    struct Request: Sendable {
        var method: String
        var path: String
        /// Names in lowercase.
        var headers: [String: String]
        var body: Data
    }

    private struct State {
        var replies: [Reply]
        var requests: [Request] = []
        /// Tests waiting for a number of requests to have arrived.
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        /// Shut down and closed under the lock, so a number reused by another socket is never touched.
        var openConnections: Set<Int32> = []
        var stopped = false
    }

    let port: UInt16
    private let listener: Int32
    private let state: Mutex<State>

    init(replies: [Reply]) throws {
        state = Mutex(State(replies: replies))
        (listener, port) = try LoopbackSocket.openListener()
        let listener = self.listener
        Thread { [self] in self.acceptLoop(listener) }.start()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [Request] { state.withLock { $0.requests } }

    /// Returns once `count` requests have arrived (the event itself, not a poll).
    func received(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let arrived = state.withLock { state in
                if state.requests.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if arrived { continuation.resume() }
        }
    }

    /// Closes the listener and every open connection (wakes blocked threads).
    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { break }
            state.withLock { _ = $0.openConnections.insert(fd) }
            Thread { [self] in self.serve(fd) }.start()
        }
        close(listener)
    }

    private func serve(_ fd: Int32) {
        defer {
            state.withLock { state in
                state.openConnections.remove(fd)
                close(fd)
            }
        }
        guard let request = HTTPWire.readRequest(fd) else { return }
        let (reply, woken) = state.withLock { state in
            state.requests.append(request)
            let arrived = state.requests.count
            let woken = state.waiters.filter { $0.count <= arrived }.map(\.continuation)
            state.waiters.removeAll { $0.count <= arrived }
            let reply: Reply =
                state.replies.isEmpty ? .respond(status: 500, body: "no scripted reply") : state.replies.removeFirst()
            return (reply, woken)
        }
        for continuation in woken { continuation.resume() }
        switch reply {
        case .respond(let status, let headers, let body):
            HTTPWire.respond(fd, status: status, headers: headers, body: body)
        case .dropConnection: return
        case .hang: _ = HTTPWire.readRequest(fd)  // blocks until the client or `stop()` closes the connection
        case .stallBody:
            LoopbackSocket.writeAll(fd, Array("HTTP/1.1 200 Scripted\r\nContent-Length: 100\r\n\r\nhalf".utf8))
            _ = HTTPWire.readRequest(fd)
        }
    }

}
