import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Decides whether the process that owned a running run is gone, so it may be taken over.
public struct OwnerProbe: Sendable {
    public let host: String
    /// A heartbeat older than this means the owner is gone even on another host.
    public let staleAfter: Duration
    public let now: @Sendable () -> Date

    public init(
        host: String = ProcessInfo.processInfo.hostName, staleAfter: Duration = .seconds(120),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.staleAfter = staleAfter
        self.now = now
    }

    public func isGone(_ owner: RunOwner) -> Bool {
        if now().timeIntervalSince(owner.heartbeatAt) > staleAfter.seconds { return true }
        guard owner.host == host else { return false }
        if owner.pid == getpid() { return false }
        return kill(owner.pid, 0) != 0 && errno == ESRCH
    }

    /// This process as a run owner.
    public static func current(now: Date) -> RunOwner {
        RunOwner(host: ProcessInfo.processInfo.hostName, pid: getpid(), heartbeatAt: now)
    }
}
