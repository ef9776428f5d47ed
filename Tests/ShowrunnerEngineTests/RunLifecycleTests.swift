import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

/// The run's life as one owner decides it: the quota wait, the scheduler told through its seam.
struct RunLifecycleTests {
    @Test func aQuotaWaitWithoutRetryAfterEndsAtMidnightPacific() async throws {
        let step = ScriptedStep([
            ScriptedStep.failing(.quota, "daily quota used"), { _ in StepResult(outputs: [:]) },
        ])
        let harness = try Harness(steps: ["upload": step])
        let mergedPipeline = Pipeline(name: "p", steps: [Harness.step("upload", "upload", attempts: 1)])
        let (events, sink) = AsyncStream<Duration>.makeStream()
        let launcher = harness.launcher()
        let run = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual) {
                event in
                if case .retryScheduled(_, let after) = event { sink.yield(after) }
            }
        }
        // Harness.start is 2026-09-21T14:13:20Z (07:13:20 PDT); the quota resets at 2026-09-22T07:00:00Z.
        let reset = try #require(RFC3339.parse("2026-09-22T00:00:00-07:00", defaultZone: PacificDay.timeZone))
        let wait = reset.timeIntervalSince(Harness.start)
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .seconds(Int64(wait)))
        try await harness.clock.waitForSleepers(2)  // the retry and the heartbeat
        harness.clock.advance(by: .seconds(Int64(wait) - 1))
        #expect(step.callCount == 1)
        harness.clock.advance(by: .seconds(1))
        let (record, outcome) = try await run.value
        #expect(outcome == .succeeded)
        #expect(step.callCount == 2)
        #expect(try await harness.store.run(id: record.id)?.status == .succeeded)
    }

    @Test func theSchedulerHearsThroughItsSeamThatARunPausedTheAccount() async throws {
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": ScriptedStep([ScriptedStep.failing(.permanent, "broken")])]),
            at: SchedulerHarness.date("2026-06-01T09:59:00Z"))
        var account = try SchedulerHarness.account("flaky", cron: "0 * * * *")
        account.account.schedule?.pauseAfterFailures = 1
        await test.scheduler.apply([account])
        try await test.scheduler.startUp()
        #expect(test.scheduler.jobs().first?.nextRunAt != nil)
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await test.settle()  // the listener is told before the run leaves the coordinator
        #expect(test.scheduler.jobs().first?.paused == true)
        #expect(test.scheduler.jobs().first?.nextRunAt == nil)
    }

    @Test func aCancelledRunEndsCancelledThroughItsStateMachine() async throws {
        let harness = try Harness(steps: ["command": HangingStep()])
        let mergedPipeline = Pipeline(
            name: "p", steps: [Harness.step("hang", "command"), Harness.step("after", "command", needs: ["hang"])])
        let cancellation = RunCancellation()
        let launcher = harness.launcher()
        let (started, sink) = AsyncStream<Void>.makeStream()
        let run = Task {
            try await launcher.start(
                account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual, cancellation: cancellation
            ) { event in
                if case .stepStarted = event { sink.yield() }
            }
        }
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        cancellation.request()
        let (record, outcome) = try await run.value
        #expect(outcome == .cancelled)
        let stored = try #require(try await harness.store.run(id: record.id))
        #expect(stored.status == .cancelled && stored.reason == "cancelled by request" && stored.owner == nil)
        #expect(try await harness.attemptSummary(record.id) == ["hang#1:failed", "after#0:skipped"])
    }
}
