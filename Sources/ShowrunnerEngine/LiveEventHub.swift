import Foundation
import ShowrunnerCore
import Synchronization

/// Broadcasts `LiveEvent`s to every subscriber and keeps the last `capacity` in a ring, so a client that
/// reconnects with `Last-Event-ID` gets what it missed. Publishing never blocks: a subscriber is a sink called under
/// the hub's lock (so every subscriber sees the events in id order, and replay plus registration lose or double
/// none); a sink only appends to its own buffer.
public final class LiveEventHub: Sendable {
    /// Takes one event; called under the hub's lock, so it must not publish or subscribe.
    public typealias Sink = @Sendable (LiveEvent) -> Void

    struct State {
        var nextID = 1
        var ring: [LiveEvent] = []
        var subscribers: [Int: Sink] = [:]
        var nextSubscriber = 0
        /// Runs whose `run.finished` went out when the store recorded the end (not again from the finish listener).
        var finishedEarly: Set<String> = []
    }

    /// What a subscriber gets first: the events after its `Last-Event-ID`, or `gap` when they left the ring (or
    /// the id is from another daemon life) and the client should reload.
    public struct Subscription: Sendable {
        public var replay: [LiveEvent]
        public var gap: Bool
        public var events: AsyncStream<LiveEvent>
    }

    /// A sink's registration: the replay and gap as for `Subscription`; `cancel()` unregisters the sink.
    public struct Registration: Sendable {
        public var replay: [LiveEvent]
        public var gap: Bool
        public let cancel: @Sendable () -> Void
    }

    public let capacity: Int
    let state = Mutex(State())

    public init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    /// Numbers the event, keeps it in the ring and hands it to every subscriber.
    @discardableResult
    public func publish(_ type: LiveEvent.Kind, _ fields: [String: String]) -> LiveEvent {
        state.withLock { state in
            let event = LiveEvent(id: state.nextID, type: type, fields: fields)
            state.nextID += 1
            state.ring.append(event)
            if state.ring.count > capacity + capacity / 4 { state.ring.removeFirst(state.ring.count - capacity) }
            for sink in state.subscribers.values { sink(event) }
            return event
        }
    }

    /// Registers `sink` for every event published from now on; replay and registration happen under one lock.
    public func register(after lastID: Int?, sink: @escaping Sink) -> Registration {
        let (replay, gap, key) = state.withLock { state in
            let key = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[key] = sink
            let (replay, gap) = Self.replay(after: lastID, ring: Self.kept(state.ring, capacity), nextID: state.nextID)
            return (replay, gap, key)
        }
        return Registration(replay: replay, gap: gap) { [weak self] in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: key) }
        }
    }

    /// A subscriber as a stream that keeps its newest `buffer` events when it falls behind.
    public func subscribe(after lastID: Int?, buffer: Int = 256) -> Subscription {
        let (events, continuation) = AsyncStream.makeStream(
            of: LiveEvent.self, bufferingPolicy: .bufferingNewest(buffer))
        let registration = register(after: lastID) { continuation.yield($0) }
        continuation.onTermination = { _ in registration.cancel() }
        return Subscription(replay: registration.replay, gap: registration.gap, events: events)
    }

    /// The newest `capacity` of `ring` (the ring is trimmed in batches, not on every event).
    static func kept(_ ring: [LiveEvent], _ capacity: Int) -> ArraySlice<LiveEvent> {
        ring.suffix(capacity)
    }

    /// The events after `lastID` in `ring`; `gap` when some of them are gone or `lastID` was never issued.
    static func replay(
        after lastID: Int?, ring: some Collection<LiveEvent>, nextID: Int
    ) -> ([LiveEvent], gap: Bool) {
        guard let lastID else { return ([], false) }
        if lastID >= nextID { return (Array(ring), true) }
        let oldest = ring.first?.id ?? nextID
        return (ring.filter { $0.id > lastID }, lastID < oldest - 1)
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
