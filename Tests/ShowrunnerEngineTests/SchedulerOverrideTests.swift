import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerEngine

/// The scheduler keeps each account's pipeline unmerged (issue 17): a fire still runs the account's step
/// overrides, and a pipeline edit reaches the next fire without moving it.
struct SchedulerOverrideTests {
    static func pipeline(_ with: [String: ConfigValue]) -> Pipeline {
        Pipeline(name: "p", steps: [PipelineStep(id: "work", uses: "command", needs: [], with: with)])
    }

    @Test func aFireRunsTheAccountsOverrideAndAPipelineEditReachesTheNextFire() async throws {
        let step = ScriptedStep(outputs: [:])
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": step]), at: SchedulerHarness.date("2026-06-01T09:59:00Z"))
        var scheduled = try SchedulerHarness.account("ov", cron: "0 * * * *")
        scheduled.account.stepOverrides = ["work": StepOverrides(with: ["text": .string("account")])]
        scheduled.pipeline = Self.pipeline(["text": .string("pipeline")])
        await test.scheduler.apply([scheduled])
        try await test.scheduler.startUp()
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await test.settle()

        scheduled.pipeline = Self.pipeline(["text": .string("pipeline"), "extra": .string("edited")])
        await test.scheduler.apply([scheduled])
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-06-01T11:00:00Z"))
        await test.advance(to: SchedulerHarness.date("2026-06-01T11:00:00Z"))
        try await test.settle()

        #expect(
            try await test.runs() == [
                "schedule:succeeded@2026-06-01T10:00:00+00:00", "schedule:succeeded@2026-06-01T11:00:00+00:00",
            ])
        #expect(step.contexts.map { $0.inputs["text"] } == [.string("account"), .string("account")])
        #expect(step.contexts.map { $0.inputs["extra"] } == [nil, .string("edited")])
    }
}
