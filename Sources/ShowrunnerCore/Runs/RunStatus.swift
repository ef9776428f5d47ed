/// Where a run is: `queued → running → succeeded | failed | cancelled`, plus `missed` and `skipped` for
/// fires that did not run.
public enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case queued, running, succeeded, failed, cancelled, missed, skipped

    public var isFinished: Bool { self != .queued && self != .running }
}

/// What started a run.
public enum RunTrigger: String, Sendable, Hashable, Codable, CaseIterable {
    case schedule
    case catchUp = "catch_up"
    case manual
    /// A new run made by `showrunner retry` from a failed one, reusing its succeeded steps.
    case retry
}

/// The state of one step attempt in the store.
public enum AttemptStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case running, succeeded, failed
    /// A step of a retried run whose outputs were taken over from the run it retries.
    case reused
    /// Not run because a step it needs failed.
    case skipped
}
