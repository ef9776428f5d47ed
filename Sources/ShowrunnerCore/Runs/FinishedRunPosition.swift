import Foundation

/// A place in the order runs ended in: by end time, then id, so runs that ended in the same millisecond are
/// neither skipped nor read twice when the walk is paged.
public struct FinishedRunPosition: Sendable, Hashable {
    public var finishedAt: Date
    /// The last run read at `finishedAt`; "" before any.
    public var runID: String

    public init(finishedAt: Date, runID: String = "") {
        self.finishedAt = finishedAt
        self.runID = runID
    }

    /// The position of `run`, which has ended.
    public init?(of run: RunRecord) {
        guard let finishedAt = run.finishedAt else { return nil }
        self.init(finishedAt: finishedAt, runID: run.id)
    }
}
