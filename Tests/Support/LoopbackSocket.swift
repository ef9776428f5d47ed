import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The socket plumbing the fake servers share: a listener on 127.0.0.1, and writing a whole buffer.
public enum LoopbackSocket {
    /// A listening socket on 127.0.0.1 and its ephemeral port.
    public static func openListener() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 64) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Writes all of `bytes`; stops early when the peer has gone.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// On a thread of its own, hands each connection accepted on `listener` to `serve` (which closes it), one at a
    /// time, until the listener is shut down; then closes the listener.
    public static func acceptSerially(_ listener: Int32, serve: @escaping @Sendable (Int32) -> Void) {
        Thread {
            while true {
                let fd = accept(listener, nil, nil)
                guard fd >= 0 else { break }
                serve(fd)
            }
            close(listener)
        }.start()
    }
}
