import Foundation
import Testing

/// `validate` warns, at the account's `pipeline:` line, when a topic list will not last the coming week.
struct TopicWarningCommandTests {
    @Test func validateWarnsAboutATopicListShorterThanAWeekOfFires() throws {
        let folder = try TriggerCommandTests.config(
            "    - { id: topic, uses: topic.list, with: { items: [Pasta, Bread] } }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["validate", "--no-preflight", "--config", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected =
            "accounts.d/demo.yaml:3:1: warning: pipeline: step 'topic': 2 unused topics left in the step's 'items', "
            + "fewer than the fires of the next 7 days (at least 3)"
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }
}
