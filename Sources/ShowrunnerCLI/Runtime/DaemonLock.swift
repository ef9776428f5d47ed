import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#endif

/// One daemon per state folder: an exclusive `flock` on `STATE/daemon.lock`, held until the process ends (the
/// kernel releases it even after `kill -9`). The file holds the owner's PID so a second daemon can name it.
final class DaemonLock: Sendable {
    struct Held: Error, CustomStringConvertible {
        let path: String
        let owner: String?

        var description: String {
            let who = owner.map { "showrunner daemon (pid \($0))" } ?? "showrunner daemon"
            return "another \(who) is already running on this state folder (\(path) is locked); "
                + "stop it first, or give this one its own --state folder."
        }
    }

    struct CannotOpen: Error, CustomStringConvertible {
        let path: String
        let reason: String

        var description: String { "cannot open the daemon lock \(path): \(reason)." }
    }

    private let descriptor: Int32

    /// Takes the lock or throws `Held` (naming the owner) or a plain error when the file cannot be opened.
    init(stateDirectory: URL) throws {
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        let path = stateDirectory.appendingPathComponent("daemon.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let owner = Self.readOwner(descriptor)
            close(descriptor)
            throw Held(path: path, owner: owner)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    private static func readOwner(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingWhitespace()
        return Int(text) != nil ? text : nil
    }
}
