import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds live processes by what they are doing, from `/proc` (the tests' view of "which processes are alive").
enum ProcessScan {
    /// Live processes whose working folder is `folder` or below it.
    static func working(under folder: URL) -> [pid_t] {
        let prefix = folder.resolvingSymlinksInPath().path
        return livePIDs().filter { pid in
            guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd") else {
                return false
            }
            return cwd == prefix || cwd.hasPrefix(prefix + "/")
        }
    }

    /// The command line of `pid`, arguments joined by spaces ("" when it is gone).
    static func commandLine(_ pid: pid_t) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").joined(separator: " ")
    }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    static func wait(timeout: TimeInterval, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// The pid written in `file` (by a test's shell step), once it is there.
    static func pid(in file: URL, timeout: TimeInterval = 120) -> pid_t? {
        var pid: pid_t?
        _ = wait(timeout: timeout) {
            pid = (try? String(contentsOf: file, encoding: .utf8)).flatMap {
                pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return pid != nil
        }
        return pid
    }

    private static func livePIDs() -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter(TriggerCommandTests.isAlive)
    }
}
