import Foundation

@testable import ShowrunnerSteps

#if canImport(Glibc)
    import Glibc
#endif

/// Looks at processes started by a test.
enum ProcessProbe {
    /// True while the process runs or sleeps. A zombie is dead (it only waits for its parent, here often init,
    /// to collect its status), so it counts as gone, as does a pid that no longer exists (`ESRCH`).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return errno != ESRCH }
        guard let stat = ProcessStat(pid: pid) else { return false }
        return stat.state != "Z" && stat.state != "X"
    }

    /// Polls (short checks, no fixed sleep) until `file` holds a pid; fails after `limit`.
    static func waitForPID(in file: URL, limit: Duration = .seconds(180)) async throws -> pid_t {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw ProbeTimeout(file: file.path)
    }
}

struct ProbeTimeout: Error, CustomStringConvertible {
    var file: String
    var description: String { "no pid appeared in \(file)" }
}
