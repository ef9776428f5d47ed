import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Synchronization
import Testing

@testable import ShowrunnerEngine

/// A store that refuses writes (a full disk): no fire is lost, no run stays `running`, and the store's failure is
/// reported while it lasts.
struct FullDiskTests {
    static func make(
        _ step: any Step, at start: String
    ) throws -> (SchedulerHarness, FullDiskStore) {
        let harness = try Harness(steps: ["command": step])
        let disk = FullDiskStore(base: harness.store)
        return (SchedulerHarness(harness: harness, at: SchedulerHarness.date(start), runStore: disk), disk)
    }

    @Test func firesTheStoreRefusedAreCaughtUpWhenItWorksAgain() async throws {
        let (test, disk) = try Self.make(ScriptedStep(outputs: [:]), at: "2026-06-01T09:59:30Z")
        await test.scheduler.apply([
            try SchedulerHarness.account("minutely", cron: "* * * * *", catchUp: (.seconds(3600), .latest))
        ])
        try await test.scheduler.startUp()
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await test.settle()
        disk.refuse()
        for minute in 1...30 {
            await test.advance(
                to: SchedulerHarness.date("2026-06-01T10:00:00Z").addingTimeInterval(Double(minute * 60)))
        }
        #expect(try await test.runs() == ["schedule:succeeded@2026-06-01T10:00:00+00:00"])
        #expect(test.coordinator.storeProblem?.contains("database or disk is full") == true)

        disk.accept()
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:30:05Z"))
        try await test.settle()
        let runs = try await test.runs()
        #expect(runs.count == 31)  // 10:00 … 10:30: one row per fire
        #expect(runs.dropFirst().dropLast().allSatisfy { $0.hasPrefix("catch_up:missed@") })
        #expect(runs.last == "catch_up:succeeded@2026-06-01T10:30:00+00:00")
        #expect(test.coordinator.storeProblem == nil)
        let state = try await test.harness.store.accountState("minutely")
        #expect(state.lastFireAt == SchedulerHarness.date("2026-06-01T10:30:00Z"))
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:31:00Z"))
        try await test.settle()
        #expect(try await test.runs().last == "schedule:succeeded@2026-06-01T10:31:00+00:00")
    }

    /// A manual run whose step fills the disk (the store refuses `writes`) while it works; returns once the
    /// coordinator reports the store's problem.
    static func runFillingTheDisk(
        _ writes: Set<FullDiskStore.Write>
    ) async throws -> (SchedulerHarness, FullDiskStore, ScriptedStep, RunRecord) {
        let disk = Mutex<FullDiskStore?>(nil)
        let step = ScriptedStep([
            { _ in
                disk.withLock { $0 }?.refuse(writes)
                return StepResult(outputs: [:])
            }
        ])
        let (test, store) = try Self.make(step, at: "2026-06-01T10:00:00Z")
        disk.withLock { $0 = store }
        let account = try SchedulerHarness.account("a", cron: "0 11 * * *")
        let run = try #require(
            try await test.coordinator.submit(
                account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
                configRevision: nil))
        #expect(await test.advanceUntil { test.coordinator.storeProblem != nil })
        return (test, store, step, run)
    }

    @Test func aFinalStateTheStoreRefusedIsWrittenOnceItWorksAgain() async throws {
        let (test, store, step, run) = try await Self.runFillingTheDisk([.updateRun])
        #expect(try await test.harness.store.run(id: run.id)?.status == .running)
        #expect(test.coordinator.storeProblem?.contains("database or disk is full") == true)

        store.accept()
        #expect(try await test.advanceUntil { try await test.harness.store.run(id: run.id)?.status == .succeeded })
        try await test.settle()
        #expect(test.coordinator.storeProblem == nil)
        #expect(step.callCount == 1)
    }

    @Test func aRunWhoseStepsCannotBeRecordedEndsFailedNotRunning() async throws {
        let (test, store, _, run) = try await Self.runFillingTheDisk(Set(FullDiskStore.Write.allCases))
        store.accept()
        #expect(try await test.advanceUntil { try await test.harness.store.run(id: run.id)?.status == .failed })
        try await test.settle()
        let stored = try #require(try await test.harness.store.run(id: run.id))
        #expect(stored.reason?.contains("the store could not be written (database or disk is full)") == true)
        #expect(try await test.harness.attemptSummary(run.id) == ["work#1:failed"])
        #expect(try await test.harness.store.accountState("a").consecutiveFailures == 0)
        #expect(test.coordinator.storeProblem == nil)
    }
}
