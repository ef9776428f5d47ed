import Foundation

/// Values computed from the daemon's config and schedules, kept per key while the daemon's schedule generation
/// (`DashboardSource.scheduleGeneration`) stays the same: 10,000 accounts are walked about once per `lifetime`,
/// not on every request, and a reload, pause or resume is seen at once (the next read computes afresh). A value
/// older than `lifetime` but younger than `staleLimit` is still answered while it is recomputed in the
/// background, so no request waits for the periodic refresh.
actor GenerationCache<Key: Hashable & Sendable, Value: Sendable> {
    let lifetime: TimeInterval
    let staleLimit: TimeInterval
    private var generation: Int?
    private var kept: [Key: (value: Value, at: Date)] = [:]
    private var refreshing: Set<Key> = []

    init(lifetime: TimeInterval, staleLimit: TimeInterval? = nil) {
        self.lifetime = lifetime
        self.staleLimit = staleLimit ?? lifetime * 4
    }

    /// The kept value and when it was computed, or a fresh one (computed now). A nil generation keeps nothing.
    func value(
        _ key: Key, generation: Int?, now: Date, compute: @escaping @Sendable () async -> Value
    ) async -> (value: Value, at: Date) {
        guard let generation else { return (await compute(), now) }
        if self.generation != generation {
            self.generation = generation
            kept = [:]
        }
        if let entry = kept[key], now >= entry.at {
            let age = now.timeIntervalSince(entry.at)
            if age < lifetime { return entry }
            if age < staleLimit {
                refresh(key, generation: generation, at: now, compute: compute)
                return entry
            }
        }
        let fresh = await compute()
        keep(fresh, for: key, generation: generation, at: now)
        return (fresh, now)
    }

    /// Recomputes `key` in the background, once at a time.
    private func refresh(
        _ key: Key, generation: Int, at now: Date, compute: @escaping @Sendable () async -> Value
    ) {
        guard refreshing.insert(key).inserted else { return }
        Task {
            let fresh = await compute()
            self.refreshing.remove(key)
            self.keep(fresh, for: key, generation: generation, at: now)
        }
    }

    /// A value computed in a generation that has since ended is stale: it is not kept.
    private func keep(_ value: Value, for key: Key, generation: Int, at now: Date) {
        if self.generation == generation { kept[key] = (value, now) }
    }
}
