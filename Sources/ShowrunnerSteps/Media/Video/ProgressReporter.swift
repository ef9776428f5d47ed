import Synchronization

/// Reports `encoding N%` each time ffmpeg's statistics move the percentage (called from the stderr reader).
final class ProgressReporter: Sendable {
    private let state: Mutex<EncodingProgress>
    private let report: @Sendable (String) -> Void

    init(duration: Double, report: @escaping @Sendable (String) -> Void) {
        state = Mutex(EncodingProgress(duration: duration))
        self.report = report
    }

    func update(_ line: String) {
        if let percent = state.withLock({ $0.update(line) }) { report("encoding \(percent)%") }
    }
}
