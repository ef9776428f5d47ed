import Foundation

/// Values kept per key for `lifetime`, at most `capacity` of them (the oldest dropped first). Unlike `Memo` the
/// caller computes (and may throw) between `kept` and `keep`.
actor ReportCache<Key: Hashable & Sendable, Value: Sendable> {
    let lifetime: TimeInterval
    let capacity: Int
    private var entries: [Key: (value: Value, at: Date)] = [:]

    init(lifetime: TimeInterval, capacity: Int = 64) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func kept(_ key: Key, now: Date) -> Value? {
        guard let entry = entries[key], now >= entry.at, now.timeIntervalSince(entry.at) < lifetime else { return nil }
        return entry.value
    }

    func keep(_ value: Value, for key: Key, now: Date) {
        entries[key] = (value, now)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.at < $1.value.at })?.key {
            entries[oldest] = nil
        }
    }
}
