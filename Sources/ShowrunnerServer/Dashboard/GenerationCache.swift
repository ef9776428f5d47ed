import Foundation

/// Values computed from the daemon's config and schedules, kept per key while the daemon's schedule generation
/// (`DashboardSource.scheduleGeneration`) stays the same and for at most `lifetime`: 10,000 accounts are walked
/// about once per `lifetime`, not on every request, and a reload, pause or resume is seen at once.
actor GenerationCache<Key: Hashable & Sendable, Value: Sendable> {
    let lifetime: TimeInterval
    private var generation: Int?
    private var kept: [Key: (value: Value, at: Date)] = [:]

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// The kept value and when it was computed, or a fresh one (computed now). A nil generation keeps nothing.
    func value(
        _ key: Key, generation: Int?, now: Date, compute: @Sendable () async -> Value
    ) async -> (value: Value, at: Date) {
        guard let generation else { return (await compute(), now) }
        if self.generation != generation {
            self.generation = generation
            kept = [:]
        }
        if let entry = kept[key], now >= entry.at, now.timeIntervalSince(entry.at) < lifetime { return entry }
        let fresh = await compute()
        // A newer generation seen while computing makes this value stale: return it, keep it not.
        if self.generation == generation { kept[key] = (fresh, now) }
        return (fresh, now)
    }
}
