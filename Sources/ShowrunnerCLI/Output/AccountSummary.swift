import Foundation
import ShowrunnerCore

/// What `validate` shows for one account: schedule in words, the next fires with DST notes, the step graph.
struct AccountSummary: Codable {
    struct Fire: Codable {
        /// RFC 3339 with the zone's offset; the start time, jitter included.
        let at: String
        /// `gap` or `repeated` when DST moved or doubled this fire; nil otherwise.
        let dst: String?
        let note: String?
    }

    struct Step: Codable {
        let id: String
        let uses: String
        let needs: [String]
        let optional: Bool
    }

    let id: String
    let file: String
    let name: String?
    let enabled: Bool?
    let valid: Bool
    let cron: String?
    let timezone: String?
    let schedule: String?
    let jitter: String?
    let next: [Fire]
    let pipeline: String?
    /// Steps grouped by depth: every step in a stage depends only on earlier stages.
    let stages: [[String]]
    let steps: [Step]

    init(_ report: AccountReport, file: String, now: Date, count: Int) {
        id = report.id
        self.file = file
        name = report.account?.name
        enabled = report.account?.enabled
        valid = report.isValid
        let schedule = report.account?.schedule
        cron = schedule?.cron.source
        timezone = schedule?.timeZone.configName
        self.schedule = schedule.map { "\(Self.summary($0.cron)) (\($0.timeZone.configName))" }
        jitter = schedule.flatMap { $0.jitter > .zero ? $0.jitterOffset(for: report.id).configText : nil }
        next = schedule.map { Self.fires($0, accountID: report.id, now: now, count: count) } ?? []
        // Overrides change a step's inputs, retry, timeout and `optional`, never the graph: the pipeline as the
        // accounts on it share it, with only `optional` taken from the account.
        let overrides = report.account?.stepOverrides ?? [:]
        pipeline = report.pipeline?.name
        stages = report.pipeline.map(Self.stages) ?? []
        steps =
            report.pipeline?.steps.map { step in
                Step(
                    id: step.id, uses: step.uses, needs: step.needs,
                    optional: overrides[step.id]?.optional ?? step.optional)
            } ?? []
    }

    static func fires(_ schedule: Schedule, accountID: String, now: Date, count: Int) -> [Fire] {
        let offset = schedule.jitterOffset(for: accountID).seconds
        return schedule.cron.fires(after: now, in: schedule.timeZone, count: count).map { fire in
            let at = RFC3339.format(fire.date.addingTimeInterval(offset), in: schedule.timeZone)
            switch fire.adjustment {
            case .none:
                return Fire(at: at, dst: nil, note: nil)
            case .movedOutOfGap:
                return Fire(
                    at: at, dst: "gap",
                    note: "the wall time does not exist that day (DST gap); runs at the first instant after it")
            case .repeatedWallTime:
                let note =
                    schedule.cron.isWildcardJob
                    ? "this wall time happens twice (DST ends); it runs at both"
                    : "this wall time happens twice (DST ends); it runs only at the first"
                return Fire(at: at, dst: "repeated", note: note)
            }
        }
    }

    /// A cron expression in words, by its text: 10,000 accounts use a few hundred expressions.
    private static let summaries = BoundedMemo<String, String>(limit: 10_000)

    /// `cron.summary`, remembered per expression.
    static func summary(_ cron: CronExpression) -> String {
        summaries.value(for: cron.source) { _ in cron.summary }
    }

    /// Stages by the steps' ids and needs: 10,000 accounts on one pipeline have one graph.
    private static let stagesByShape = BoundedMemo<[[String]], [[String]]>(limit: 1_000)

    /// `graphStages`, remembered per graph shape.
    static func stages(_ pipeline: Pipeline) -> [[String]] {
        stagesByShape.value(for: pipeline.steps.map { [$0.id] + $0.needs }) { _ in graphStages(pipeline) }
    }

    private static func graphStages(_ pipeline: Pipeline) -> [[String]] {
        let graph = StepGraph(steps: pipeline.steps)
        guard let order = graph.topologicalOrder() else { return [pipeline.steps.map(\.id)] }
        var depth: [String: Int] = [:]
        for id in order { depth[id] = (graph.dependencies(of: id).compactMap { depth[$0] }.max() ?? -1) + 1 }
        let deepest = depth.values.max() ?? 0
        return (0...deepest).map { level in order.filter { depth[$0] == level } }.filter { !$0.isEmpty }
    }
}
