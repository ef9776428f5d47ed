import Foundation

/// The daemon's last config reload: when, what started it, and what it found.
public struct ReloadRecord: Sendable, Equatable {
    /// `watch` (the watcher saw a file change) or `reload` (the API's reload or SIGHUP).
    public var trigger: String
    public var at: Date
    public var report: ReloadReport

    public init(trigger: String, at: Date, report: ReloadReport) {
        self.trigger = trigger
        self.at = at
        self.report = report
    }
}
