import Foundation
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerEngine

/// The reported case (issue 12, item 4): `max_concurrent_runs: 1`, three accounts firing every 2 s, a 3-s step,
/// 30 s of simulated time. Runs waiting for the slot count for overlap, so nothing piles up.
struct OverlapPileUpTests {
    struct Totals {
        var runs: [String: [RunRecord]]
        var executed: Int
        /// The most queued, and queued + running, runs any account had at once.
        var maxQueued = 0
        var maxQueuedOrRunning = 0
    }

    static func simulate(_ policy: Schedule.OverlapPolicy) async throws -> Totals {
        let harness = try Harness(steps: [:])
        let step = TimedStep(clock: harness.clock, duration: .seconds(3))
        let start = SchedulerHarness.date("2026-06-01T09:59:59Z")
        let test = SchedulerHarness(harness: harness, at: start, maxConcurrentRuns: 1, steps: ["command": step])
        let ids = ["a", "b", "c"]
        await test.scheduler.apply(
            try ids.map { try SchedulerHarness.account($0, cron: "*/2 * * * * *", overlap: policy) })
        try await test.scheduler.startUp()
        var totals = Totals(runs: [:], executed: 0)
        for second in 1...30 {
            harness.clock.advance(by: .seconds(1))
            test.set(start.addingTimeInterval(Double(second)))
            try await settle(test, step)
            await test.scheduler.handleDueFires()
            try await settle(test, step)
            for id in ids {
                let runs = try await harness.store.runs(matching: RunQuery(accountID: id, limit: 1000))
                let queued = runs.count { $0.status == .queued }
                totals.maxQueued = max(totals.maxQueued, queued)
                totals.maxQueuedOrRunning = max(
                    totals.maxQueuedOrRunning, queued + runs.count { $0.status == .running })
            }
        }
        for id in ids { totals.runs[id] = try await harness.store.runs(matching: RunQuery(accountID: id, limit: 1000)) }
        totals.executed = step.executed.count
        return totals
    }

    /// Until every active run's step is asleep on the clock (nothing more happens before it moves).
    static func settle(_ test: SchedulerHarness, _ step: TimedStep) async throws {
        try await Deadline.until("every active run's step is asleep") {
            let active = test.coordinator.activeRunIDs.count
            return active == step.asleep && (active > 0 || test.coordinator.isIdle)
        }
    }

    @Test func underSkipAnAccountNeverHasMoreThanOneRunQueuedOrRunning() async throws {
        let totals = try await Self.simulate(.skip)
        #expect(totals.maxQueuedOrRunning == 1)
        for (id, runs) in totals.runs {
            #expect(runs.count == 15, "account \(id): one row per fire (10:00:00 … 10:00:28)")
            #expect(Set(runs.compactMap(\.scheduledAt)).count == 15)
            let skipped = runs.filter { $0.status == .skipped }
            #expect(skipped.allSatisfy { $0.reason?.contains("overlap: skip") == true })
            #expect(runs.allSatisfy { [.succeeded, .skipped, .running, .queued].contains($0.status) })
        }
        let all = totals.runs.values.flatMap { $0 }
        let started = all.count { $0.status == .succeeded || $0.status == .running }
        #expect(totals.executed == started)  // every run that exists as started was executed once, no more
        #expect(started >= 9)  // the one slot was busy all along: 30 s / 3 s
        #expect(all.count { $0.status == .queued } <= 3)
    }

    @Test func underQueueAtMostOneRunWaitsPerAccount() async throws {
        let totals = try await Self.simulate(.queue)
        #expect(totals.maxQueued == 1)
        #expect(totals.maxQueuedOrRunning <= 2)
        for runs in totals.runs.values {
            #expect(runs.count == 15)
            #expect(runs.filter { $0.status == .skipped }.allSatisfy { $0.reason?.contains("overlap: queue") == true })
        }
        let all = totals.runs.values.flatMap { $0 }
        #expect(totals.executed == all.count { $0.status == .succeeded || $0.status == .running })
    }

    @Test func underAllowAFullSlotHoldsAtMostOneWaitingRunPerAccount() async throws {
        let totals = try await Self.simulate(.allow)
        #expect(totals.maxQueued == 1)
        for runs in totals.runs.values { #expect(runs.count == 15) }
    }
}
