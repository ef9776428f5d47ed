/// What a fire does given the same account's runs that are running or waiting to start (SPEC §3 overlap, §10.9).
/// A run recorded but not started (waiting for a global slot, for the account's active run, or left `queued` by
/// a previous process) counts like a running one, and under every policy at most one run of an account waits:
/// a fire never piles up behind a full slot.
public enum OverlapDecision: Sendable, Equatable {
    case start
    /// Recorded as `skipped` with reason overlap.
    case skip
    /// Held until the active run ends (at most one waiting).
    case queue

    /// `running`: the account's runs that started and have not ended; `waiting`: its runs recorded but not started.
    public static func decide(_ policy: Schedule.OverlapPolicy, running: Int, waiting: Int) -> OverlapDecision {
        guard waiting == 0 else { return .skip }
        guard running > 0 else { return .start }
        switch policy {
        case .allow: return .start
        case .skip: return .skip
        case .queue: return .queue
        }
    }

    /// The `skipped` run's reason.
    public static func skipReason(_ policy: Schedule.OverlapPolicy, waiting: Int) -> String {
        waiting > 0
            ? "skipped: a run of this account was still waiting to start (overlap: \(policy.rawValue))"
            : "skipped: the previous run of this account was still active (overlap: \(policy.rawValue))"
    }
}
