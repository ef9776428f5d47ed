import Synchronization

/// Reports `encoding N%` of the whole video while several segments are encoded at once: each segment's ffmpeg
/// statistics (`time=…`) count that segment's seconds, and the percentage is the seconds done over all of them.
final class SegmentProgress: Sendable {
    private struct State {
        var done: [Double]
        var lastPercent: Int?
    }

    private let duration: Double
    private let state: Mutex<State>
    private let report: @Sendable (String) -> Void

    /// `segments`: how many segments make the video.
    init(duration: Double, segments: Int, report: @escaping @Sendable (String) -> Void) {
        self.duration = duration
        state = Mutex(State(done: Array(repeating: 0, count: segments)))
        self.report = report
    }

    /// Reads one stderr line of segment `index`'s ffmpeg.
    func update(_ index: Int, _ line: String) {
        guard let time = EncodingProgress.time(in: line), duration > 0 else { return }
        let percent: Int? = state.withLock { state in
            guard state.done.indices.contains(index) else { return nil }
            state.done[index] = max(state.done[index], time)
            let value = min(100, max(0, Int(state.done.reduce(0, +) / duration * 100)))
            guard value != state.lastPercent else { return nil }
            state.lastPercent = value
            return value
        }
        if let percent { report("encoding \(percent)%") }
    }
}
