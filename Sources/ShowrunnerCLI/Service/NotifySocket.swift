import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The service manager's notify socket (`$NOTIFY_SOCKET`, sd_notify(3)): one AF_UNIX datagram per message, to a
/// path or, when the name starts with `@`, to an abstract address. No libsystemd.
struct NotifySocket: Sendable {
    let name: String

    /// The socket named by `$NOTIFY_SOCKET`, or nil when the daemon is not run by a service manager.
    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let name = environment["NOTIFY_SOCKET"], name.hasPrefix("/") || name.hasPrefix("@"), name.count > 1
        else { return nil }
        self.name = name
    }

    /// The address bytes for `sun_path`: a leading `@` becomes a NUL (abstract namespace, no trailing NUL).
    static func addressBytes(_ name: String) -> [UInt8] {
        var bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        return bytes
    }

    /// Sends one datagram (`READY=1`, `STATUS=…`, …); false when it could not be sent (the manager went away).
    @discardableResult
    func send(_ message: String) -> Bool {
        let path = Self.addressBytes(name)
        var address = sockaddr_un()
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + path.count + (path[0] == 0 ? 0 : 1))
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes {
                    sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        return sent == bytes.count
    }
}
