import Foundation
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerEngine

struct RunCoordinatorTests {
    @Test func cancellingARunningRunStopsItsStepsAndRecordsCancelled() async throws {
        let step = HangingStep()
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": step]), at: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        let account = try SchedulerHarness.account("slow", cron: "0 * * * *")
        let run = try #require(
            try await test.coordinator.submit(
                account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
                configRevision: nil))
        try await step.started.wait(untilAtLeast: 1, "the step started")
        #expect(try await test.coordinator.cancel(run.id))
        try await test.settle()
        let stored = try #require(try await test.harness.store.run(id: run.id))
        #expect(stored.status == .cancelled)
        #expect(stored.owner == nil)
        #expect(try await test.harness.store.attempts(runID: run.id).allSatisfy { $0.status != .running })
        #expect(try await test.coordinator.cancel(run.id) == false)
    }

    @Test func aQueuedRunIsCancelledBeforeItStarts() async throws {
        let gate = GateStep()
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": gate]), at: SchedulerHarness.date("2026-06-01T10:00:00Z"),
            maxConcurrentRuns: 1)
        let account = try SchedulerHarness.account("busy", cron: "0 * * * *")
        _ = try await test.coordinator.submit(
            account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
            configRevision: nil)
        let waiting = try #require(
            try await test.coordinator.submit(
                account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
                configRevision: nil))
        #expect(try await test.coordinator.cancel(waiting.id))
        gate.open()
        try await test.settle()
        #expect(try await test.harness.store.run(id: waiting.id)?.status == .cancelled)
        #expect(gate.started == 1)
    }
}
