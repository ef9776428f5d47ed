import Foundation
import Testing

/// `validate` warns, at the account's `pipeline:` line, when a topic list will not last the coming week.
struct TopicWarningCommandTests {
    @Test func validateWarnsAboutATopicListShorterThanAWeekOfFires() throws {
        let folder = try TriggerCommandTests.config(
            "    - { id: topic, uses: topic.list, with: { items: [Pasta, Bread] } }")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectWarning(
            "2 unused topics left in the step's 'items', fewer than the fires of the next 7 days (at least 3)",
            in: folder)
    }

    /// With a store, the used topics count: a run that used "Pasta" leaves one topic for a week of fires.
    @Test func validateCountsTheTopicsARunUsed() throws {
        let folder = try TriggerCommandTests.config(
            "    - { id: topic, uses: topic.list, with: { items: [Pasta, Bread], order: sequential } }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandRunner.run(["trigger", "demo", "--config", folder.path])
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        try Self.expectWarning(
            "1 unused topic left in the step's 'items', fewer than the fires of the next 7 days (at least 2)",
            in: folder)
    }

    /// `validate` of `folder` exits 0 and warns `message` at the account's `pipeline:` line.
    static func expectWarning(_ message: String, in folder: URL) throws {
        let result = try CommandRunner.run(["validate", "--no-preflight", "--config", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = "accounts.d/demo.yaml:3:1: warning: pipeline: step 'topic': " + message
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }
}
