import Foundation

/// A value read from the daemon at most once per `lifetime` (the step kinds or schedules of 10,000 accounts are
/// not rebuilt on every request); concurrent readers during a refresh may each compute it.
actor Memo<Value: Sendable> {
    let lifetime: TimeInterval
    private var cached: (value: Value, at: Date)?

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    func value(now: Date, compute: @Sendable () async -> Value) async -> Value {
        if let cached, now.timeIntervalSince(cached.at) < lifetime, now >= cached.at { return cached.value }
        let value = await compute()
        cached = (value, now)
        return value
    }
}
