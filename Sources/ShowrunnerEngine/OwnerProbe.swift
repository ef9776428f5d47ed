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
        host: String = OwnerProbe.hostName, staleAfter: Duration = .seconds(120),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.staleAfter = staleAfter
        self.now = now
    }

    /// Gone: its heartbeat is stale, or it ran on this machine and its process no longer exists — or has the
    /// same pid as this process but is an earlier incarnation (a restarted container reuses pid 1).
    public func isGone(_ owner: RunOwner) -> Bool {
        if now().timeIntervalSince(owner.heartbeatAt) > staleAfter.seconds { return true }
        let (machine, instance) = Self.split(owner.host)
        guard machine == Self.split(host).machine else { return false }
        if owner.pid == getpid() { return instance != nil && instance != Self.instance }
        return kill(owner.pid, 0) != 0 && errno == ESRCH
    }

    /// This process as a run owner: `host~instance`, the instance telling incarnations with the same pid apart.
    public static func current(now: Date) -> RunOwner {
        RunOwner(host: "\(hostName)~\(instance)", pid: getpid(), heartbeatAt: now)
    }

    /// This machine's name, looked up once: `ProcessInfo.hostName` resolves it each time it is asked.
    public static let hostName = ProcessInfo.processInfo.hostName

    /// A random tag for this process, fixed for its lifetime.
    static let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    static func split(_ host: String) -> (machine: String, instance: String?) {
        guard let tilde = host.lastIndex(of: "~") else { return (host, nil) }
        return (String(host[..<tilde]), String(host[host.index(after: tilde)...]))
    }
}
