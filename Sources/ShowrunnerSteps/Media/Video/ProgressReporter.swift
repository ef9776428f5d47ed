import Synchronization

/// Reports `encoding N%` each time ffmpeg's statistics move the percentage (called from the stderr reader).
final class ProgressReporter: Sendable {
    private let state: Mutex<EncodingProgress>
    private let report: @Sendable (String) -> Void

    /// `offset`: seconds of the video already encoded before the ffmpeg this reporter reads (a segment's start).
    init(duration: Double, offset: Double = 0, report: @escaping @Sendable (String) -> Void) {
        var progress = EncodingProgress(duration: duration)
        progress.offset = offset
        state = Mutex(progress)
        self.report = report
    }

    func update(_ line: String) {
        if let percent = state.withLock({ $0.update(line) }) { report("encoding \(percent)%") }
    }
}
