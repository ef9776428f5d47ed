import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: StatsReading {
    /// The SQLite store's two `GROUP BY`s (index `runs_finished` / `runs_account_finished`): the rows returned grow
    /// with days × steps × buckets, not with the number of runs.
    public func statsRows(days: ClosedRange<Int>, accountID: String?) async throws -> StatsRows {
        let from = Int64(days.lowerBound) * StatsDay.milliseconds
        let to = Int64(days.upperBound + 1) * StatsDay.milliseconds
        let runs = try await rows(
            Self.statsQuery(Self.runCountsSQL, from: from, to: to, accountID: accountID, tail: "GROUP BY day, r.status")
        ).compactMap(Self.runCount)
        let steps = try await rows(
            Self.statsQuery(
                Self.stepBucketsSQL, from: from, to: to, accountID: accountID,
                tail: "GROUP BY day, r.pipeline, a.step_id, ok, bucket")
        ).map(Self.stepBucket)
        return StatsRows(runs: runs, steps: steps)
    }

    /// `head` (ending in a WHERE clause) for runs finished in `[from, to)`, of `accountID` when given, then `tail`.
    static func statsQuery(_ head: String, from: Int64, to: Int64, accountID: String?, tail: String) -> PostgresQuery {
        guard let accountID else {
            return "\(unescaped: head) r.finished_at >= \(from) AND r.finished_at < \(to) \(unescaped: tail)"
        }
        return """
            \(unescaped: head) r.finished_at >= \(from) AND r.finished_at < \(to) AND r.account_id = \(accountID)
            \(unescaped: tail)
            """
    }

    static let runCountsSQL = """
        SELECT r.finished_at / 86400000 AS day, r.status, COUNT(*) FROM runs r WHERE
        """

    static let stepBucketsSQL = """
        SELECT r.finished_at / 86400000 AS day, r.pipeline, a.step_id, a.status = 'succeeded' AS ok,
          \(bucketSQL) AS bucket, COUNT(*), SUM(GREATEST(0, a.finished_at - a.started_at))::bigint,
          COALESCE(SUM(CASE WHEN a.status = 'succeeded' AND jsonb_typeof(a.outputs -> 'duration_s') = 'number'
            THEN (a.outputs ->> 'duration_s')::float8 END), 0)::float8
        FROM runs r JOIN step_attempts a ON a.run_id = r.id
        WHERE a.attempt > 0 AND a.status IN ('succeeded', 'failed') AND a.finished_at IS NOT NULL AND
        """

    /// `DurationBuckets.bucket` as SQL over an attempt's duration (generated from constant bounds).
    static let bucketSQL: String = {
        let duration = "(a.finished_at - a.started_at)"
        let cases = DurationBuckets.upperBounds.enumerated().map { "WHEN \(duration) < \($1) THEN \($0)" }
        return "CASE " + cases.joined(separator: " ") + " ELSE \(DurationBuckets.upperBounds.count) END"
    }()

    static func runCount(_ row: PostgresRow) throws -> RunDayCount? {
        let (day, status, count) = try row.decode((Int64, String, Int64).self)
        guard let status = RunStatus(rawValue: status) else { return nil }
        return RunDayCount(day: Int(day), status: status, count: Int(count))
    }

    static func stepBucket(_ row: PostgresRow) throws -> StepDayBucket {
        let (day, pipeline, step, ok, bucket, count, milliseconds, media) = try row.decode(
            (Int64, String, String, Bool, Int32, Int64, Int64, Double).self)
        return StepDayBucket(
            day: Int(day), pipeline: pipeline, stepID: step, succeeded: ok, bucket: Int(bucket), count: Int(count),
            milliseconds: milliseconds, mediaSeconds: media)
    }
}
