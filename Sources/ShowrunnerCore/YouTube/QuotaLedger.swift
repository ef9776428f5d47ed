/// The answer to a request to spend quota units.
public enum QuotaSpend: Sendable, Equatable {
    /// The units were recorded; `remaining` is what is left of the budget for the day.
    case spent(remaining: Int)
    /// Nothing was recorded: the units do not fit in what is left.
    case exceeded(remaining: Int)
}

/// YouTube API units spent per quota bucket (a Google Cloud project, which several accounts may share) and Pacific
/// day, so that a step that would exceed the day's budget waits for the reset instead of calling the API.
public protocol QuotaLedger: Sendable {
    /// Adds `units` to the usage of `project` on `day` if the total stays within `budget`; otherwise records
    /// nothing. Atomic: two processes spending at once never both go over the budget.
    func spend(_ units: Int, project: String, day: PacificDay, budget: Int) async throws -> QuotaSpend

    /// The units recorded for `project` on `day` (0 when none).
    func usage(project: String, day: PacificDay) async throws -> Int

    /// The server said the quota is used up: the usage becomes at least `budget`, so that no step spends more of
    /// this bucket until the day is over.
    func exhaust(project: String, day: PacificDay, budget: Int) async throws
}
