import Synchronization

/// Progress lines a step reported.
final class ProgressLog: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var record: @Sendable (String) -> Void { { line in self.storage.withLock { $0.append(line) } } }
}
