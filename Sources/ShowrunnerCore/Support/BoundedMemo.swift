import Synchronization

/// Values worked out once per key and remembered, for look-ups that thousands of accounts repeat (a cron text, a
/// template, a zone name, a colour). Bounded: past `limit` keys it starts over, so keys that come from config
/// files (however many edits a long-running daemon sees) cannot grow it without end. Safe from any thread; two
/// threads asking for a new key at once may both work it out.
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let values = Mutex<[Key: Value]>([:])
    @usableFromInline let limit: Int

    public init(limit: Int) { self.limit = limit }

    /// The value remembered for `key`, or `make(key)`, remembered. Inlinable, so that callers in other modules get
    /// it specialized for their types.
    @inlinable
    public func value(for key: Key, _ make: (Key) -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = make(key)
        values.withLock { values in
            if values.count >= limit { values.removeAll() }
            values[key] = value
        }
        return value
    }
}
