/// The read-only aggregates behind `/api/stats`. The SQLite store answers them with SQL `GROUP BY`s, so the rows
/// returned grow with days × steps × buckets, not with the number of runs.
public protocol StatsReading: Sendable {
    /// Runs that finished on UTC days `days` (`StatsDay` numbers), per day and status, and their finished attempts
    /// (attempt > 0), per day, pipeline, step, outcome and duration bucket; of `accountID` only when given.
    func statsRows(days: ClosedRange<Int>, accountID: String?) async throws -> StatsRows
}
