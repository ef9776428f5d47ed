import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport

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

    /// Waits (bounded) until `file` holds a pid.
    static func waitForPID(in file: URL, limit: Duration = .seconds(180)) async throws -> pid_t {
        var pid: pid_t?
        try await Deadline.until("a pid appears in \(file.path)", within: limit) {
            pid = (try? String(contentsOf: file, encoding: .utf8)).flatMap { pid_t($0.trimmingWhitespace()) }
            return pid != nil
        }
        return pid!
    }
}
