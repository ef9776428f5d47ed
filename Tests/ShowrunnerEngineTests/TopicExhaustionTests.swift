import Foundation
import ShowrunnerCore
import ShowrunnerSteps
import Testing

@testable import ShowrunnerEngine

/// A used-up `topic.list` makes nothing: the run is recorded `skipped` with the reason, later steps never run.
struct TopicExhaustionTests {
    static func mergedPipeline(onExhausted: String?) -> Pipeline {
        var with: [String: ConfigValue] = ["items": .list([.string("only topic")])]
        if let onExhausted { with["on_exhausted"] = .string(onExhausted) }
        return Pipeline(
            name: "p",
            steps: [
                Harness.step("topic", "topic.list", with: with),
                Harness.step("render", "command", needs: ["topic"]),
            ])
    }

    @Test(arguments: [(nil, true), ("skip", false)] as [(String?, Bool)])
    func theRunAfterTheLastTopicIsSkippedAndRendersNothing(_ policy: String?, _ pauses: Bool) async throws {
        let render = ScriptedStep(outputs: [:])
        let test = SchedulerHarness(
            harness: try Harness(steps: ["topic.list": TopicListStep(), "command": render]),
            at: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        let account = try SchedulerHarness.account("cooking", cron: "0 * * * *").account
        var runs: [RunRecord] = []
        for _ in 0..<2 {
            runs.append(
                try #require(
                    try await test.coordinator.submit(
                        account: account, mergedPipeline: Self.mergedPipeline(onExhausted: policy), trigger: .manual,
                        scheduledAt: nil,
                        configRevision: nil)))
            try await test.settle()
        }
        let store = test.harness.store
        #expect(try await store.run(id: runs[0].id)?.status == .succeeded)
        let skipped = try #require(try await store.run(id: runs[1].id))
        #expect(skipped.status == .skipped)
        #expect(skipped.reason?.contains("every topic of the step's 'items' was used") == true)
        #expect(render.callCount == 1)
        #expect(try await store.attempts(runID: runs[1].id).contains { $0.stepID == "render" && $0.status == .skipped })
        let state = try await store.accountState("cooking")
        #expect(state.paused == pauses)
        #expect(state.consecutiveFailures == 0)
        if pauses { #expect(state.pauseReason == skipped.reason) }
    }
}
