import Foundation
import ShowrunnerCore
import Synchronization

/// Broadcasts `LiveEvent`s to every subscriber and keeps the last `capacity` in a ring, so a client that
/// reconnects with `Last-Event-ID` gets what it missed. Publishing never blocks: a slow subscriber's buffer keeps
/// only its newest events.
public final class LiveEventHub: Sendable {
    struct State {
        var nextID = 1
        var ring: [LiveEvent] = []
        var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
        var nextSubscriber = 0
    }

    /// What a subscriber gets first: the events after its `Last-Event-ID`, or `gap` when they left the ring (or
    /// the id is from another daemon life) and the client should reload.
    public struct Subscription: Sendable {
        public var replay: [LiveEvent]
        public var gap: Bool
        public var events: AsyncStream<LiveEvent>
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    /// Numbers the event, keeps it in the ring and hands it to every subscriber.
    @discardableResult
    public func publish(_ type: LiveEvent.Kind, _ fields: [String: String]) -> LiveEvent {
        let (event, sinks) = state.withLock { state in
            let event = LiveEvent(id: state.nextID, type: type, fields: fields)
            state.nextID += 1
            state.ring.append(event)
            // Trimmed once it holds twice the capacity: one move per `capacity` events, not one per event.
            if state.ring.count >= 2 * capacity { state.ring.removeFirst(state.ring.count - capacity) }
            return (event, Array(state.subscribers.values))
        }
        for sink in sinks { sink.yield(event) }
        return event
    }

    /// Registers a subscriber; replay and registration happen under one lock, so no event is lost or doubled.
    public func subscribe(after lastID: Int?, buffer: Int = 256) -> Subscription {
        let (events, continuation) = AsyncStream.makeStream(
            of: LiveEvent.self, bufferingPolicy: .bufferingNewest(buffer))
        let (replay, gap, key) = state.withLock { state in
            let key = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[key] = continuation
            let (replay, gap) = Self.replay(
                after: lastID, ring: Array(state.ring.suffix(capacity)), nextID: state.nextID)
            return (replay, gap, key)
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: key) }
        }
        return Subscription(replay: replay, gap: gap, events: events)
    }

    /// The events after `lastID` in `ring`; `gap` when some of them are gone or `lastID` was never issued.
    static func replay(after lastID: Int?, ring: [LiveEvent], nextID: Int) -> ([LiveEvent], gap: Bool) {
        guard let lastID else { return ([], false) }
        if lastID >= nextID { return (ring, true) }
        let oldest = ring.first?.id ?? nextID
        return (ring.filter { $0.id > lastID }, lastID < oldest - 1)
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
