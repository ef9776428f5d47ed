/// What a fire does when the same account still has a run active (SPEC §3 overlap).
public enum OverlapDecision: Sendable, Equatable {
    case start
    /// Recorded as `skipped` with reason overlap.
    case skip
    /// Held until the active run ends (at most one waiting).
    case queue

    public static func decide(_ policy: Schedule.OverlapPolicy, activeRuns: Int, alreadyQueued: Bool) -> OverlapDecision
    {
        guard activeRuns > 0 else { return .start }
        switch policy {
        case .allow: return .start
        case .skip: return .skip
        case .queue: return alreadyQueued ? .skip : .queue
        }
    }
}
