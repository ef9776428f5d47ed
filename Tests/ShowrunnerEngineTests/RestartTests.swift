import CoreMetrics
import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

/// What a restart takes over: runs left `queued` (however recently), within the overlap rules; the last-success
/// metric.
struct RestartTests {
    static let dead: Int32 = 999_999

    @Test func aRestartRightAfterQueueingStartsTheQueuedRun() async throws {
        let harness = try Harness(steps: [:])
        let at = SchedulerHarness.date("2026-06-01T10:00:00Z")
        let accounts = try ["a", "b"].map { try SchedulerHarness.account($0, cron: "0 10 * * *") }
        let first = SchedulerHarness(
            harness: harness, at: at.addingTimeInterval(-1), maxConcurrentRuns: 1, ownerPID: Self.dead,
            steps: ["command": HangingStep()])
        await first.scheduler.apply(accounts)
        try await first.scheduler.startUp()
        await first.advance(to: at)  // a takes the one slot, b waits
        #expect(await first.advanceUntil { (try? await Self.run("a", harness))?.status == .running })
        await first.coordinator.drain(grace: .zero, clock: harness.clock)  // systemctl restart: SIGTERM
        #expect(try await Self.run("a", harness).status == .running)
        #expect(try await Self.run("b", harness).status == .queued)

        let step = ScriptedStep(outputs: [:])
        let second = SchedulerHarness(harness: harness, at: at, maxConcurrentRuns: 1, steps: ["command": step])
        await second.scheduler.apply(accounts)
        try await second.scheduler.startUp()  // 0 s after b was queued
        #expect(await second.advanceUntil { second.coordinator.isIdle })  // a's resumed attempt may wait its backoff
        #expect(try await Self.run("a", harness).status == .succeeded)
        #expect(try await Self.run("b", harness).status == .succeeded)
        #expect(Set(step.contexts.map(\.run.accountID)) == ["a", "b"])
        #expect(step.callCount == 2)
    }

    @Test func aRunQueuedByALiveProcessIsLeftToIt() async throws {
        let harness = try Harness(steps: [:])
        let at = SchedulerHarness.date("2026-06-01T10:00:00Z")
        let alive = RunOwner(host: ProcessInfo.processInfo.hostName, pid: getppid(), heartbeatAt: at)
        let queued = RunRecord(
            id: "cli-run", accountID: "a", pipeline: "p", trigger: .manual, createdAt: at.addingTimeInterval(-60),
            owner: alive)
        _ = try await harness.store.insertRun(queued)
        let step = ScriptedStep(outputs: [:])
        let test = SchedulerHarness(harness: harness, at: at, steps: ["command": step])
        await test.scheduler.apply([try SchedulerHarness.account("a", cron: "0 11 * * *")])
        try await test.scheduler.startUp()
        try await test.settle()
        #expect(try await harness.store.run(id: "cli-run")?.status == .queued)
        #expect(step.callCount == 0)
    }

    /// Five fires of one account left `queued` by a kill -9 storm: the restart applies the overlap rules to them.
    @Test(arguments: [
        (Schedule.OverlapPolicy.skip, 1, 4), (.queue, 2, 3), (.allow, 5, 0),
    ])
    func queuedRunsLeftByAStormFollowTheOverlapRules(
        _ policy: Schedule.OverlapPolicy, _ succeeded: Int, _ skipped: Int
    ) async throws {
        let harness = try Harness(steps: [:])
        let at = SchedulerHarness.date("2026-06-01T10:10:00Z")
        let gone = RunOwner(host: ProcessInfo.processInfo.hostName, pid: Self.dead, heartbeatAt: at)
        for minute in 0..<5 {
            let fire = SchedulerHarness.date("2026-06-01T10:0\(minute):00Z")
            _ = try await harness.store.insertRun(
                RunRecord(
                    id: "run-\(minute)", accountID: "busy", pipeline: "p", trigger: .schedule, scheduledAt: fire,
                    createdAt: fire, owner: gone))
        }
        let step = ScriptedStep(outputs: [:])
        let test = SchedulerHarness(harness: harness, at: at, steps: ["command": step])
        await test.scheduler.apply([try SchedulerHarness.account("busy", cron: "0 * * * *", overlap: policy)])
        try await test.scheduler.startUp()
        try await test.settle()
        let runs = try await harness.store.runs(matching: RunQuery(accountID: "busy"))
        #expect(runs.count { $0.status == .succeeded } == succeeded)
        #expect(runs.count { $0.status == .skipped } == skipped)
        #expect(runs.filter { $0.status == .skipped }.allSatisfy { $0.reason?.contains("overlap") == true })
        #expect(runs.allSatisfy { $0.status.isFinished })
        #expect(step.callCount == succeeded)
        #expect(try await harness.store.run(id: "run-0")?.status == .succeeded)  // the oldest goes first
    }

    @Test func theLastSuccessMetricIsReadFromTheStoreAtStartUp() async throws {
        let harness = try Harness(steps: [:])
        let at = SchedulerHarness.date("2026-06-01T10:00:00Z")
        let finished = SchedulerHarness.date("2026-05-31T09:00:05Z")
        for (id, status) in [("old", RunStatus.succeeded), ("bad", .failed)] {
            _ = try await harness.store.insertRun(
                RunRecord(id: "r-\(id)", accountID: id, pipeline: "p", trigger: .manual, createdAt: finished))
            try await harness.store.updateRun(id: "r-\(id)", status: status, reason: nil, owner: nil, at: finished)
        }
        let recorder = GaugeRecorder()
        let test = SchedulerHarness(harness: harness, at: at, metrics: SchedulerMetrics(factory: recorder))
        try await test.scheduler.startUp()
        #expect(recorder.values["showrunner_last_success_timestamp_seconds", default: [:]] == ["old": 1_780_218_005])
    }

    static func run(_ accountID: String, _ harness: Harness) async throws -> RunRecord {
        try #require(try await harness.store.runs(matching: RunQuery(accountID: accountID, limit: 1)).first)
    }
}
