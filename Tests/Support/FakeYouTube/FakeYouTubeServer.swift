import Foundation
import ShowrunnerCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake YouTube on `127.0.0.1:<ephemeral port>` that speaks the real protocol: the OAuth token endpoint, the
/// resumable upload (sessions, `308` + `Range`, a final `201` with a video id), `thumbnails.set`,
/// `playlistItems.insert` and `captions.insert` (multipart), each behind a Bearer token it issued. Faults are injected by chunk number (the n-th data
/// `PUT` the server receives, from 1). It keeps every completed video's bytes (or, with `.digest`, only their
/// checksum and size) so a test can check that exactly one complete video exists and equals the file.
/// Shared by the step tests, the CLI kill test (through `ShowrunnerTestSupport`) and the benchmark (linked).
public final class FakeYouTubeServer: Sendable {
    public enum Fault: Sendable, Equatable {
        /// The n-th data PUT is cut after `after` body bytes (they are kept) and the connection closed unanswered.
        case dropConnection(chunk: Int, after: Int)
        /// The n-th data PUT is read and answered with `status` (503); nothing of it is kept.
        case serverError(chunk: Int, status: Int)
        /// The n-th data PUT keeps only its first `keep` bytes and says so in its `308`.
        case keepPartially(chunk: Int, keep: Int)
        /// The next API call answers 401 and every token issued so far becomes invalid.
        case expireAccessToken
        /// The token endpoint answers `400 invalid_grant` (every time).
        case invalidGrant
        /// `videos.insert` answers `403 quotaExceeded` (every time).
        case quotaExceeded
        /// After the n-th data PUT is answered, the session is forgotten (404 from then on).
        case expireSession(afterChunk: Int)
        /// The n-th data PUT waits, its head read and its body not, until `release()`.
        case pause(chunk: Int)
        /// `thumbnails.set` answers `status` once.
        case thumbnailError(status: Int)
        /// `captions.insert` answers `status` once.
        case captionError(status: Int)
    }

    public enum Storage: Sendable { case memory, digest }

    public struct Video: Sendable {
        public var id: String
        public var session: String
        public var size: Int
        /// The bytes (`.memory`), else empty.
        public var bytes: Data
        /// FNV-1a 64 of the bytes, as 16 hex digits.
        public var fnv1a64: String
        /// The `videos.insert` body.
        public var metadata: Data
        public var thumbnail: Data?
    }

    struct Session: Sendable {
        var id: String
        var total: Int
        var metadata: Data
        var bytes = Data()
        var hash = FNV1a64()
        var received = 0
        var videoID: String?
        var forgotten = false
    }

    struct State: Sendable {
        var sessions: [String: Session] = [:]
        var sessionOrder: [String] = []
        var videos: [Video] = []
        var playlistItems: [(id: String, playlist: String, video: String)] = []
        var captionTracks: [CaptionTrack] = []
        var tokens: Set<String> = []
        var tokenRequests = 0
        var consentCodeUsed = false
        var dataPuts = 0
        var faults: [Fault] = []
        /// `METHOD path Content-Range → status`, in order.
        var log: [String] = []
        var openConnections: Set<Int32> = []
        var stopped = false
    }

    public let port: UInt16
    let storage: Storage
    let listener: Int32
    let state: Mutex<State>
    let pausedSignal = DispatchSemaphore(value: 0)
    let releaseSignal = DispatchSemaphore(value: 0)
    let pausedRequestDone = DispatchSemaphore(value: 0)

    public init(faults: [Fault] = [], storage: Storage = .memory) throws {
        state = Mutex(State(faults: faults))
        self.storage = storage
        (listener, port) = try LoopbackSocket.openListener()
        let listener = self.listener
        Thread { [self] in acceptLoop(listener) }.start()
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var tokenURL: String { "\(baseURL)/token" }
    public var apiBase: String { "\(baseURL)/youtube/v3" }
    public var uploadBase: String { "\(baseURL)/upload/youtube/v3" }

    public var videos: [Video] { state.withLock { $0.videos } }
    public var sessionCount: Int { state.withLock { $0.sessionOrder.count } }
    public var tokenRequests: Int { state.withLock { $0.tokenRequests } }
    public var dataPuts: Int { state.withLock { $0.dataPuts } }
    public var log: [String] { state.withLock { $0.log } }
    public var playlistItems: [(id: String, playlist: String, video: String)] { state.withLock { $0.playlistItems } }
    public var captionTracks: [CaptionTrack] { state.withLock { $0.captionTracks } }
    /// Bytes each session holds, in the order the sessions were made.
    public var receivedBySession: [Int] {
        state.withLock { state in state.sessionOrder.map { state.sessions[$0]!.received } }
    }

    public func inject(_ fault: Fault) { state.withLock { $0.faults.append(fault) } }

    /// Waits (off the test's thread) until a `.pause` fault holds a PUT; false after `timeout` seconds.
    public func waitUntilPaused(timeout: TimeInterval = 60) async -> Bool {
        await Self.wait(for: pausedSignal, timeout: timeout)
    }

    /// Lets the paused PUT go on and waits until it is handled: it reads and keeps whatever its client still sends
    /// (all of the chunk, or what a killed client had already written) and answers if the client is still there.
    public func release(timeout: TimeInterval = 60) async -> Bool {
        releaseSignal.signal()
        return await Self.wait(for: pausedRequestDone, timeout: timeout)
    }

    private static func wait(for signal: DispatchSemaphore, timeout: TimeInterval) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: signal.wait(timeout: .now() + timeout) == .success) }.start()
        }
    }

    /// Closes the listener and every open connection.
    public func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        releaseSignal.signal()
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { break }
            state.withLock { _ = $0.openConnections.insert(fd) }
            Thread { [self] in
                var wire = FakeYouTubeWire(fd: fd)
                if let head = wire.readHead() { route(head, &wire) }
                state.withLock { state in
                    state.openConnections.remove(fd)
                    close(fd)
                }
            }.start()
        }
        close(listener)
    }

    /// Removes and returns the first fault that `matches`.
    func takeFault(_ matches: (Fault) -> Bool) -> Fault? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: matches) else { return nil }
            return state.faults.remove(at: index)
        }
    }

    func hasFault(_ matches: (Fault) -> Bool) -> Bool { state.withLock { $0.faults.contains(where: matches) } }

    public static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    public static func googleError(_ status: Int, reason: String, message: String) -> Data {
        json(["error": ["code": status, "message": message, "errors": [["reason": reason, "message": message]]]])
    }
}
