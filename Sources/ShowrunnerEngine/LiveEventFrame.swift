import Synchronization

/// A `LiveEvent`'s SSE frame, made on first use and kept for the other connections.
final class LiveEventFrame: Sendable {
    private let frame = Mutex<String?>(nil)

    /// The frame, made by `make` the first time.
    func value(_ make: () -> String) -> String {
        if let frame = frame.withLock({ $0 }) { return frame }
        let made = make()  // outside the lock: two first uses at once both encode, one result is kept
        return frame.withLock { frame in
            if let frame { return frame }
            frame = made
            return made
        }
    }
}
