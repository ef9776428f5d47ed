import Foundation

/// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, when it is set for this process (`$WATCHDOG_PID`
/// absent or ours), as sd_watchdog_enabled(3) says.
enum WatchdogInterval {
    static func from(_ environment: [String: String], pid: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else {
            return nil
        }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return .microseconds(Int64(clamping: microseconds / 2))
    }
}
