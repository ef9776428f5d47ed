import Synchronization

/// Wakes the event-stream writers at most once per `interval`: an event that follows a quiet spell is written at
/// once, the events of a busy spell wait up to `interval` and go out together. With 100 clients and hundreds of
/// events a second this turns one socket write per event per client into one per interval per client. One timer
/// for all the connections, not one each.
final class EventFlush: Sendable {
    let interval: Duration
    private let clock = ContinuousClock()
    private struct State {
        var outboxes: [ObjectIdentifier: EventOutbox] = [:]
        var lastFlush: ContinuousClock.Instant?
        var scheduled = false
    }
    private let state = Mutex(State())

    init(interval: Duration = .milliseconds(20)) { self.interval = interval }

    func add(_ outbox: EventOutbox) { state.withLock { $0.outboxes[ObjectIdentifier(outbox)] = outbox } }

    func remove(_ outbox: EventOutbox) {
        state.withLock { _ = $0.outboxes.removeValue(forKey: ObjectIdentifier(outbox)) }
    }

    /// Frames were appended: wake the writers now, or once `interval` has passed since the last time. (Called for
    /// each connection of one event in turn: the first call wakes every writer, and a writer that took its frames
    /// before its frame was appended gets it at the flush the later calls schedule, `interval` on.)
    func pending() {
        let now = clock.now
        let due: ContinuousClock.Instant? = state.withLock { state in
            guard !state.scheduled else { return nil }
            if let last = state.lastFlush, now < last + interval {
                state.scheduled = true
                return last + interval
            }
            state.lastFlush = now
            return now
        }
        guard let due else { return }
        if due == now {
            wakeAll()
        } else {
            Task { [clock] in
                try? await clock.sleep(until: due)
                self.state.withLock { state in
                    state.scheduled = false
                    state.lastFlush = due
                }
                self.wakeAll()
            }
        }
    }

    private func wakeAll() {
        for outbox in state.withLock({ Array($0.outboxes.values) }) { outbox.wake() }
    }
}
