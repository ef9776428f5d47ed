/// Turns store aggregates into `StatsReport` figures; pure.
public enum StatsCalculator {
    public static let finishedStatuses = RunStatus.allCases.filter(\.isFinished)
    static let uploadKinds: Set<String> = ["upload.youtube", "upload.local"]
    static let renderKind = "video"

    /// `kinds`: pipeline name → step id → kind, from the config (unknown steps are reported by id).
    public static func report(
        _ rows: StatsRows, days: ClosedRange<Int>, account: String?, kinds: [String: [String: String]]
    ) -> StatsReport {
        let rows = rows.within(days)
        let kindOf = { (row: StepDayBucket) in kinds[row.pipeline]?[row.stepID] ?? row.stepID }
        let uploadsByDay = Dictionary(
            rows.steps.filter { $0.succeeded && uploadKinds.contains(kindOf($0)) }.map { ($0.day, $0.count) },
            uniquingKeysWith: +)
        let totals = counts(rows.runs)
        let uploads = uploadsByDay.values.reduce(0, +)
        return StatsReport(
            account: account, days: days.count, from: StatsDay.text(days.lowerBound),
            to: StatsDay.text(days.upperBound), totals: totals, successRate: successRate(totals),
            daily: daily(rows.runs, days: days, uploads: uploadsByDay),
            steps: steps(rows.steps, kindOf: kindOf),
            renderSecondsPerVideoMinute: renderRate(rows.steps.filter { $0.succeeded && kindOf($0) == renderKind }),
            uploads: uploads, uploadsPerDay: Double(uploads) / Double(days.count))
    }

    /// Every finished status with its count.
    static func counts(_ runs: [RunDayCount]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: finishedStatuses.map { ($0.rawValue, 0) })
        for run in runs where run.status.isFinished { counts[run.status.rawValue, default: 0] += run.count }
        return counts
    }

    static func successRate(_ totals: [String: Int]) -> Double? {
        let succeeded = totals[RunStatus.succeeded.rawValue] ?? 0
        let ran = succeeded + (totals[RunStatus.failed.rawValue] ?? 0) + (totals[RunStatus.cancelled.rawValue] ?? 0)
        return ran == 0 ? nil : Double(succeeded) / Double(ran)
    }

    static func daily(_ runs: [RunDayCount], days: ClosedRange<Int>, uploads: [Int: Int]) -> [StatsDayFigures] {
        let byDay = Dictionary(grouping: runs, by: \.day)
        return days.map { day in
            StatsDayFigures(date: StatsDay.text(day), counts: counts(byDay[day] ?? []), uploads: uploads[day] ?? 0)
        }
    }

    static func steps(_ rows: [StepDayBucket], kindOf: (StepDayBucket) -> String) -> [StepKindFigures] {
        Dictionary(grouping: rows, by: kindOf).map { kind, rows in
            let histogram = Dictionary(
                rows.filter(\.succeeded).map { ($0.bucket, $0.count) }, uniquingKeysWith: +)
            return StepKindFigures(
                kind: kind, attempts: rows.reduce(0) { $0 + $1.count },
                failed: rows.filter { !$0.succeeded }.reduce(0) { $0 + $1.count },
                p50Milliseconds: Percentile.of(0.5, histogram: histogram, value: DurationBuckets.representative),
                p95Milliseconds: Percentile.of(0.95, histogram: histogram, value: DurationBuckets.representative))
        }.sorted { ($1.attempts, $0.kind) < ($0.attempts, $1.kind) }
    }

    static func renderRate(_ rows: [StepDayBucket]) -> Double? {
        let videoSeconds = rows.reduce(0) { $0 + $1.mediaSeconds }
        guard videoSeconds > 0 else { return nil }
        let renderSeconds = Double(rows.reduce(Int64(0)) { $0 + $1.milliseconds }) / 1000
        return renderSeconds / (videoSeconds / 60)
    }
}
