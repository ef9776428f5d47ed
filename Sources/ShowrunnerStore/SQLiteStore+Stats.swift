import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: StatsReading {
    /// Two `GROUP BY`s over the runs finished in the range (index `runs_finished` / `runs_account_finished`) and
    /// their attempts (by run id): the rows returned grow with days × steps × buckets.
    public func statsRows(days: ClosedRange<Int>, accountID: String?) async throws -> StatsRows {
        let from = Int64(days.lowerBound) * StatsDay.milliseconds
        let to = Int64(days.upperBound + 1) * StatsDay.milliseconds
        let account = accountID.map { _ in " AND r.account_id = ?" } ?? ""
        let arguments: StatementArguments = accountID.map { [from, to, $0] } ?? [from, to]
        return try await writer.read { db in
            let runs = try Row.fetchAll(
                db, sql: Self.runCountsSQL + account + " GROUP BY day, r.status", arguments: arguments
            )
            .compactMap(Self.runCount)
            let steps = try Row.fetchAll(
                db, sql: Self.stepBucketsSQL + account + " GROUP BY day, r.pipeline, a.step_id, ok, bucket",
                arguments: arguments
            ).map(Self.stepBucket)
            return StatsRows(runs: runs, steps: steps)
        }
    }

    static let runCountsSQL = """
        SELECT r.finished_at / 86400000 AS day, r.status AS status, COUNT(*) AS n FROM runs r
        WHERE r.finished_at >= ? AND r.finished_at < ?
        """

    static let stepBucketsSQL = """
        SELECT r.finished_at / 86400000 AS day, r.pipeline AS pipeline, a.step_id AS step_id,
          a.status = 'succeeded' AS ok, \(bucketSQL) AS bucket, COUNT(*) AS n,
          SUM(max(0, a.finished_at - a.started_at)) AS ms,
          TOTAL(CASE WHEN a.status = 'succeeded' AND instr(a.outputs, '"duration_s"') > 0
            AND json_type(a.outputs, '$.duration_s') IN ('integer', 'real')
            THEN json_extract(a.outputs, '$.duration_s') END) AS media
        FROM runs r JOIN step_attempts a ON a.run_id = r.id
        WHERE r.finished_at >= ? AND r.finished_at < ?
          AND a.attempt > 0 AND a.status IN ('succeeded', 'failed') AND a.finished_at IS NOT NULL
        """

    /// `DurationBuckets.bucket` as SQL over an attempt's duration (generated from constant bounds).
    static let bucketSQL: String = {
        let duration = "(a.finished_at - a.started_at)"
        let cases = DurationBuckets.upperBounds.enumerated().map { "WHEN \(duration) < \($1) THEN \($0)" }
        return "CASE " + cases.joined(separator: " ") + " ELSE \(DurationBuckets.upperBounds.count) END"
    }()

    static func runCount(_ row: Row) -> RunDayCount? {
        guard let status = RunStatus(rawValue: row["status"]) else { return nil }
        return RunDayCount(day: row["day"], status: status, count: row["n"])
    }

    static func stepBucket(_ row: Row) -> StepDayBucket {
        StepDayBucket(
            day: row["day"], pipeline: row["pipeline"], stepID: row["step_id"], succeeded: row["ok"],
            bucket: row["bucket"], count: row["n"], milliseconds: row["ms"], mediaSeconds: row["media"])
    }
}
