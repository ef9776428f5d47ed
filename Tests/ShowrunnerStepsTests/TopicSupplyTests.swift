import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// A topic list that will not last the coming week of fires is warned about; one that will, or that repeats, is not.
struct TopicSupplyTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func account(cron: String, vars: [String: ConfigValue] = [:]) throws -> Account {
        Account(
            id: "cooking", channel: Channel(type: "cooking"),
            schedule: Schedule(cron: try CronExpression(parsing: cron)), pipeline: .named("p"), vars: vars)
    }

    static func pipeline(_ with: [String: ConfigValue]) -> Pipeline {
        Pipeline(name: "p", steps: [PipelineStep(id: "topic", uses: "topic.list", needs: [], with: with)])
    }

    @Test(
        arguments: [
            // cron, topics, used, on_exhausted, warned
            ("0 9 * * *", 3, 0, nil, true),  // 7 fires, 3 topics
            ("0 9 * * *", 7, 0, nil, false),  // exactly a week
            ("0 9 * * *", 10, 4, "skip", true),  // 6 left
            ("0 9 * * SAT", 2, 0, nil, false),  // one fire a week
            ("0 9 * * *", 3, 0, "repeat", false),  // never runs out
            ("* * * * *", 500, 0, nil, true),  // every minute: counting stops early
        ] as [(String, Int, Int, String?, Bool)])
    func warnsWhenFewerTopicsThanFiresRemain(
        _ cron: String, _ topics: Int, _ used: Int, _ policy: String?, _ warned: Bool
    ) async throws {
        let items = (1...topics).map { ConfigValue.string("topic \($0)") }
        var with: [String: ConfigValue] = ["items": .list(items)]
        if let policy { with["on_exhausted"] = .string(policy) }
        let usedTopics = Set((1...max(used, 1)).prefix(used).map { "topic \($0)" })
        let warnings = await TopicSupply.warnings(
            account: try Self.account(cron: cron), pipeline: Self.pipeline(with),
            configDirectory: URL(fileURLWithPath: "/"),
            now: Self.now, usedTopics: { _ in usedTopics })
        #expect(warnings.isEmpty == !warned, "\(warnings)")
        if warned { #expect(warnings[0].contains("\(topics - used) unused topics left in the step's 'items'")) }
    }

    /// `validate` shares one cache among all accounts: each account still gets its own warning, from its own used
    /// topics, and a file read once (removed after the first account) still counts for the second.
    @Test func accountsSharingATopicsFileAreWarnedFromOneRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("supply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("topics.txt")
        try "Pasta\nBread\nSoup\n".write(to: file, atomically: true, encoding: .utf8)
        let account = try Self.account(cron: "0 9 * * *")
        let pipeline = Self.pipeline(["file": .string("topics.txt")])
        let lists = TopicListCache()
        let first = await TopicSupply.warnings(
            account: account, pipeline: pipeline, configDirectory: folder, now: Self.now,
            usedTopics: { _ in ["Pasta"] }, lists: lists)
        try FileManager.default.removeItem(at: file)
        let second = await TopicSupply.warnings(
            account: account, pipeline: pipeline, configDirectory: folder, now: Self.now,
            usedTopics: { _ in [] }, lists: lists)
        #expect(first.first?.contains("2 unused topics left in topics file 'topics.txt'") == true, "\(first)")
        #expect(second.first?.contains("3 unused topics left in topics file 'topics.txt'") == true, "\(second)")
    }

    /// The pipeline is shared and unmerged; the account's override of its topic step is what counts.
    @Test(arguments: [("stop", true), ("repeat", false)])
    func theAccountsOverrideOfTheTopicStepIsApplied(_ policy: String, _ warned: Bool) async throws {
        let shared = try Self.account(cron: "0 9 * * *")
        let account = Account(
            id: shared.id, channel: shared.channel, schedule: shared.schedule, pipeline: shared.pipeline,
            stepOverrides: ["topic": StepOverrides(with: ["on_exhausted": .string(policy)])])
        let warnings = await TopicSupply.warnings(
            account: account, pipeline: Self.pipeline(["items": .strings("a", "b"), "on_exhausted": .string("skip")]),
            configDirectory: URL(fileURLWithPath: "/"), now: Self.now, usedTopics: { _ in [] })
        #expect(warnings.count == (warned ? 1 : 0), "\(warnings)")
        if warned { #expect(warnings[0].hasSuffix("(on_exhausted: \(policy)).")) }
    }

    @Test func aTopicsFileNamedThroughVarsIsRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("supply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Pasta\nBread\n".write(to: folder.appendingPathComponent("topics.txt"), atomically: true, encoding: .utf8)
        let account = try Self.account(cron: "0 9 * * *", vars: ["topics_file": .string("topics.txt")])
        let warnings = await TopicSupply.warnings(
            account: account, pipeline: Self.pipeline(["file": .string("{{ vars.topics_file }}")]),
            configDirectory: folder,
            now: Self.now, usedTopics: { _ in ["Pasta"] })
        #expect(
            warnings == [
                "step 'topic': 1 unused topic left in topics file 'topics.txt', fewer than the fires of the next 7 days "
                    + "(at least 2); add topics, or runs will be skipped (on_exhausted: stop)."
            ])
    }
}
