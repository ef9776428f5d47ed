extension Schedule {
    /// The account's stable start offset in `[0, jitter)` (whole seconds when jitter is 1s or more): a hash of the id, so it survives restarts
    /// (like systemd's `RandomizedOffsetSec`, not re-rolled).
    public func jitterOffset(for accountID: String) -> Duration {
        let milliseconds = jitter.components.seconds * 1000 + jitter.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return .zero }
        var fnv = FNV1a64()
        fnv.update(accountID.utf8)
        let hash = fnv.value
        guard milliseconds >= 1000 else { return .milliseconds(Int64(hash % UInt64(milliseconds))) }
        return .seconds(Int64(hash % UInt64(milliseconds / 1000)))
    }
}
