import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A service manager's notify socket for the tests: an AF_UNIX datagram socket (a path, or an abstract name when it
/// starts with `@`) that records every message with the time it arrived.
final class FakeNotifySocket: Sendable {
    struct Message: Sendable {
        let text: String
        let at: Date
    }

    let name: String
    private let fd: Int32
    private let received = Mutex<[Message]>([])
    private let closed = Mutex(false)

    init(name: String) throws {
        self.name = name
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(
            MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (bytes[0] == 0 ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in receive() }
        thread.start()
    }

    private func receive() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !closed.withLock({ $0 }) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            received.withLock { $0.append(Message(text: text, at: Date())) }
        }
        close(fd)
        if !name.hasPrefix("@") { unlink(name) }
    }

    var messages: [Message] { received.withLock { $0 } }

    /// The messages with a line `line` (e.g. `READY=1`).
    func messages(with line: String) -> [Message] {
        messages.filter { $0.text.split(separator: "\n").contains(Substring(line)) }
    }

    /// Waits (bounded) until `count` messages have the line `line`.
    func wait(for line: String, count: Int = 1, timeout: TimeInterval = 180) -> [Message] {
        let deadline = Date().addingTimeInterval(timeout)
        while messages(with: line).count < count, Date() < deadline { usleep(10_000) }
        return messages(with: line)
    }

    func stop() { closed.withLock { $0 = true } }
}
