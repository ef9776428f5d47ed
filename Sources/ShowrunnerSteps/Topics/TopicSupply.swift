import Foundation
import ShowrunnerCore

/// Whether an account's `topic.list` steps have topics left for the coming week of fires: `validate` and the
/// account's status warn before a list is used up (SPEC: a used-up list skips its runs).
public enum TopicSupply {
    public static let horizon: TimeInterval = 7 * 24 * 3600

    /// One warning per `topic.list` step whose unused topics are fewer than the account's fires in the next 7 days.
    /// Steps whose inputs depend on other steps' outputs, or whose list cannot be read, are left to the run.
    public static func warnings(
        account: Account, pipeline: Pipeline, configDirectory: URL, now: Date,
        usedTopics: (_ listID: String) async throws -> Set<String>, lists: TopicListCache? = nil
    ) async -> [String] {
        guard account.enabled, let schedule = account.schedule else { return [] }
        var warnings: [String] = []
        for demand in demands(
            account: account, pipeline: pipeline, configDirectory: configDirectory, now: now, lists: lists)
        {
            let used = (try? await usedTopics(demand.listID)) ?? []
            if let warning = warning(for: demand, used: used, schedule: schedule, now: now) { warnings.append(warning) }
        }
        return warnings
    }

    /// The account's `topic.list` steps whose list can be read and is not on `on_exhausted: repeat` (no store).
    /// `pipeline` is the account's before its step overrides: only its `topic.list` steps are merged, here.
    public static func demands(
        account: Account, pipeline: Pipeline, configDirectory: URL, now: Date, lists: TopicListCache? = nil
    ) -> [TopicDemand] {
        guard account.enabled, account.schedule != nil else { return [] }
        var demands: [TopicDemand] = []
        for shared in pipeline.steps where shared.uses == "topic.list" {
            let step = account.stepOverrides[shared.id].map(shared.applying) ?? shared
            guard let inputs = renderedInputs(step, account: account, now: now),
                case .string(let policy)? = inputs["on_exhausted"] ?? .string("stop"), policy != "repeat",
                let list = load(
                    items: inputs["items"].flatMap(strings), file: inputs["file"]?.stringValue,
                    path: { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : configDirectory.appendingPathComponent($0) },
                    lists: lists)
            else { continue }
            demands.append(TopicDemand(stepID: step.id, list: list, policy: policy))
        }
        return demands
    }

    /// The warning for `demand` when its unused topics are fewer than the fires of the next 7 days.
    public static func warning(for demand: TopicDemand, used: Set<String>, schedule: Schedule, now: Date) -> String? {
        let remaining = demand.list.topics.count { !used.contains($0) }
        let fires = firesInWeek(schedule, after: now, atMost: remaining + 1)
        guard remaining < fires else { return nil }
        return
            "step '\(demand.stepID)': \(remaining) unused topic\(remaining == 1 ? "" : "s") left in \(demand.list.name), "
            + "fewer than the fires of the next 7 days (at least \(fires)); add topics, or runs will be skipped "
            + "(on_exhausted: \(demand.policy))."
    }

    private static func load(
        items: [String]?, file: String?, path: (String) -> URL, lists: TopicListCache?
    ) -> TopicList? {
        if let lists { return lists.load(items: items, file: file, path: path) }
        return try? TopicList.load(items: items, file: file, path: path)
    }

    /// The fires in the next 7 days, counting no further than `atMost`.
    static func firesInWeek(_ schedule: Schedule, after now: Date, atMost: Int) -> Int {
        schedule.cron.fireCount(
            after: now, through: now.addingTimeInterval(horizon), in: schedule.timeZone, atMost: atMost)
    }

    /// The step's `with:` rendered with the account's values, or nil when it needs a run (step outputs, secrets).
    /// Only the vars the step uses are rendered (an account's prose vars can be long).
    private static func renderedInputs(_ step: PipelineStep, account: Account, now: Date) -> [String: ConfigValue]? {
        let run = RunRecord(
            id: "validate", accountID: account.id, pipeline: "", trigger: .manual, scheduledAt: now,
            configRevision: nil, createdAt: now)
        let noSecrets: SecretReference.Resolver = { _ throws(StepFailure) in
            throw StepFailure(.permanent, "no secrets here")
        }
        guard
            let context = try? TemplateContext.make(
                account: account, run: run, outputs: [:], resolveSecret: noSecrets,
                onlyVars: Set(StepVarUses.names(in: step)))
        else { return nil }
        let renderer = TemplateRenderer(context: context, resolveSecret: noSecrets)
        var inputs: [String: ConfigValue] = [:]
        for (name, value) in step.with {
            guard let rendered = try? renderer.render(value, input: name).0 else { return nil }
            inputs[name] = rendered
        }
        return inputs
    }

    /// A list of strings, or one comma-separated string (as `topic.list` reads `items`).
    private static func strings(_ value: ConfigValue) -> [String]? {
        switch value {
        case .list(let items): items.compactMap(\.stringValue)
        case .string(let text): text.split(separator: ",").map { $0.trimmingWhitespace() }
        default: nil
        }
    }
}
