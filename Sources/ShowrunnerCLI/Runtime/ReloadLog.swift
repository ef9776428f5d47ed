import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import Synchronization

/// The daemon's last config reload and the config revision read after it, for `/api/config/status`.
final class ReloadLog: Sendable {
    private struct State {
        var last: ReloadRecord?
        var revision: String?
        var revisionRead = false
    }

    private let state = Mutex(State())

    var last: ReloadRecord? { state.withLock { $0.last } }

    /// Records a reload and reads the revision again (git reads happen here, not on every request).
    func record(_ trigger: String, _ report: ReloadReport, directory: URL, at date: Date = Date()) {
        let revision = GitRevision.read(directory)
        state.withLock { state in
            state.last = ReloadRecord(trigger: trigger, at: date, report: report)
            state.revision = revision
            state.revisionRead = true
        }
    }

    /// The revision read at the last reload (read now when there was none yet).
    func revision(directory: URL) -> String? {
        if let known = state.withLock({ $0.revisionRead ? Optional($0.revision) : nil }) { return known }
        let revision = GitRevision.read(directory)
        state.withLock { state in
            state.revision = revision
            state.revisionRead = true
        }
        return revision
    }
}
