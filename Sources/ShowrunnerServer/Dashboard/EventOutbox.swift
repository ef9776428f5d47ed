import ShowrunnerEngine
import Synchronization

/// The frames waiting to be written to one event-stream connection. Frames are appended as events are published
/// and the writer takes all of them at once when woken (`EventFlush`), so a busy stream is written in few large
/// writes instead of one per event per client. A client that falls more than `limit` bytes behind gets a `reset`
/// frame instead (it reloads).
final class EventOutbox: Sendable {
    let limit: Int
    /// A wake-up for the writer; at most one is pending.
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    private let pending = Mutex<String>("")

    init(limit: Int = 256 * 1024) {
        self.limit = limit
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds a frame without waking the writer.
    func append(_ frame: String) {
        pending.withLock { text in
            if text.utf8.count + frame.utf8.count > limit {
                text = LiveEvent.frame(type: "reset", id: nil, data: "{}")
            } else {
                text += frame
            }
        }
    }

    /// Wakes the writer (which writes nothing if nothing waits).
    func wake() { signal.yield() }

    /// Everything appended since the last call.
    func take() -> String {
        pending.withLock { text in
            defer { text = "" }
            return text
        }
    }

    func finish() { signal.finish() }
}
