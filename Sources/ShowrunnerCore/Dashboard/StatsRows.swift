/// The aggregates a store returns for a range of days; the input of `StatsCalculator`.
public struct StatsRows: Sendable, Equatable {
    public var runs: [RunDayCount]
    public var steps: [StepDayBucket]

    public init(runs: [RunDayCount] = [], steps: [StepDayBucket] = []) {
        self.runs = runs
        self.steps = steps
    }

    /// Only the rows of `days`.
    public func within(_ days: ClosedRange<Int>) -> StatsRows {
        StatsRows(runs: runs.filter { days.contains($0.day) }, steps: steps.filter { days.contains($0.day) })
    }

    /// These rows followed by `other`'s (for disjoint day ranges).
    public func appending(_ other: StatsRows) -> StatsRows {
        StatsRows(runs: runs + other.runs, steps: steps + other.steps)
    }
}
