import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

/// The coordinator's activity reaches the dashboard's live events, in order, with the final status after it is
/// recorded.
struct LiveEventHubTests {
    @Test func aRunsLifeArrivesAsLiveEventsInOrder() async throws {
        let gate = GateStep()
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": gate]), at: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        let hub = LiveEventHub()
        test.coordinator.setActivityListener(hub)
        test.coordinator.setFinishListener(FinishListeners([test.scheduler, hub]))
        let subscription = hub.subscribe(after: nil)
        let account = try SchedulerHarness.account("live", cron: "0 * * * *")
        let run = try #require(
            try await test.coordinator.submit(
                account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
                configRevision: nil))
        try await gate.waitUntilStarted(1)
        gate.open()
        // Bounded: a missing event fails the test instead of hanging it.
        let collector = Task {
            var seen: [LiveEvent] = []
            for await event in subscription.events {
                seen.append(event)
                if event.type == .runFinished { break }
            }
            return seen
        }
        let deadline = Task {
            try await Task.sleep(for: .seconds(30))
            collector.cancel()
        }
        let events = await collector.value
        deadline.cancel()
        let seen = events.map { $0.type.rawValue + ($0.fields["step"].map { ":" + $0 } ?? "") }
        #expect(events.allSatisfy { $0.fields["run_id"] == run.id })
        #expect(events.last?.fields["status"] == "succeeded")
        #expect(try await test.harness.store.run(id: run.id)?.status == .succeeded)
        #expect(seen == ["run.queued", "run.started", "step.started:work", "step.finished:work", "run.finished"])
        try await test.settle()
    }
}
