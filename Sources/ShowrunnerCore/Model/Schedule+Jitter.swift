extension Schedule {
    /// The account's stable start offset in `[0, jitter)` (whole seconds when jitter is 1s or more): a hash of the id, so it survives restarts
    /// (like systemd's `RandomizedOffsetSec`, not re-rolled).
    public func jitterOffset(for accountID: String) -> Duration {
        let milliseconds = jitter.components.seconds * 1000 + jitter.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return .zero }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in accountID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        guard milliseconds >= 1000 else { return .milliseconds(Int64(hash % UInt64(milliseconds))) }
        return .seconds(Int64(hash % UInt64(milliseconds / 1000)))
    }
}
