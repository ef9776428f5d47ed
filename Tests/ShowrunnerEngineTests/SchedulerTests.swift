import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

struct SchedulerTests {
    static func make(_ step: any Step = ScriptedStep(outputs: [:]), at start: String) throws -> SchedulerHarness {
        SchedulerHarness(harness: try Harness(steps: ["command": step]), at: SchedulerHarness.date(start))
    }

    @Test func firesAtTheCronInstantsThroughADSTChange() async throws {
        let test = try Self.make(at: "2026-03-07T12:00:00Z")
        await test.scheduler.apply([try SchedulerHarness.account("ny", cron: "30 2 * * *", zone: "America/New_York")])
        try await test.scheduler.startUp()
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-03-08T07:00:00Z"))  // 03:00 EDT
        await test.advance(to: SchedulerHarness.date("2026-03-08T06:59:59Z"))
        #expect(try await test.runs().isEmpty)
        await test.advance(to: SchedulerHarness.date("2026-03-08T07:00:00Z"))
        try await test.settle()
        #expect(try await test.runs() == ["schedule:succeeded@2026-03-08T07:00:00+00:00"])
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-03-09T06:30:00Z"))
    }

    @Test func jitterIsStableAcrossRestarts() async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let account = try SchedulerHarness.account("cooking", cron: "0 9 * * *", jitter: .seconds(600))
        var starts: [Date?] = []
        for _ in 0..<2 {
            let test = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T00:00:00Z"))
            await test.scheduler.apply([account])
            try await test.scheduler.startUp()
            starts.append(test.scheduler.jobs().first?.nextRunAt)
        }
        let offset = try #require(starts[0]).timeIntervalSince(SchedulerHarness.date("2026-06-01T09:00:00Z"))
        #expect(starts[0] == starts[1])
        #expect(offset >= 0 && offset < 600)
        #expect(offset == account.account.schedule!.jitterOffset(for: "cooking").seconds)
    }

    @Test(arguments: [
        (
            Schedule.CatchUpPolicy.latest, 3600.0,
            ["catch_up:missed@10:00", "catch_up:missed@11:00", "catch_up:succeeded@12:00"]
        ),
        (.all, 3600.0, ["catch_up:missed@10:00", "catch_up:missed@11:00", "catch_up:succeeded@12:00"]),
        (.all, 21600.0, ["catch_up:succeeded@10:00", "catch_up:succeeded@11:00", "catch_up:succeeded@12:00"]),
        (.none, 21600.0, ["catch_up:missed@10:00", "catch_up:missed@11:00", "catch_up:missed@12:00"]),
    ])
    func catchUpAfterAThreeHourOutage(
        _ policy: Schedule.CatchUpPolicy, _ window: Double, _ expected: [String]
    ) async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let account = try SchedulerHarness.account(
            "hourly", cron: "0 * * * *", catchUp: (.seconds(Int64(window)), policy), overlap: .allow)
        try await harness.store.updateAccountState("hourly") {
            $0.lastFireAt = SchedulerHarness.date("2026-06-01T09:00:00Z")
        }
        let test = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T12:30:00Z"))
        await test.scheduler.apply([account])
        try await test.scheduler.startUp()
        await test.scheduler.handleDueFires()
        try await test.settle()
        let runs = try await test.runs().map {
            $0.replacingOccurrences(of: "2026-06-01T", with: "").replacingOccurrences(of: ":00+00:00", with: "")
        }
        #expect(runs == expected)
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-06-01T13:00:00Z"))
        let state = try await harness.store.accountState("hourly")
        #expect(state.lastFireAt == SchedulerHarness.date("2026-06-01T12:00:00Z"))
    }

    @Test func aNewAccountDoesNotCatchUpHistory() async throws {
        let test = try Self.make(at: "2026-06-01T12:30:00Z")
        await test.scheduler.apply([try SchedulerHarness.account("new", cron: "0 * * * *")])
        try await test.scheduler.startUp()
        await test.scheduler.handleDueFires()
        #expect(try await test.runs().isEmpty)
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-06-01T13:00:00Z"))
    }

    @Test(arguments: [
        (Schedule.OverlapPolicy.skip, ["schedule:succeeded@10:00", "schedule:skipped@10:01"]),
        (.queue, ["schedule:succeeded@10:00", "schedule:succeeded@10:01"]),
        (.allow, ["schedule:succeeded@10:00", "schedule:succeeded@10:01"]),
    ])
    func overlapPolicies(_ policy: Schedule.OverlapPolicy, _ expected: [String]) async throws {
        let gate = GateStep()
        let test = try Self.make(gate, at: "2026-06-01T09:59:00Z")
        await test.scheduler.apply([try SchedulerHarness.account("busy", cron: "* * * * *", overlap: policy)])
        try await test.scheduler.startUp()
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await gate.waitUntilStarted(1)
        await test.advance(to: SchedulerHarness.date("2026-06-01T10:01:00Z"))
        if policy == .allow { try await gate.waitUntilStarted(2) } else { #expect(gate.started == 1) }
        gate.open()
        try await test.settle()
        let runs = try await test.runs().map {
            $0.replacingOccurrences(of: "2026-06-01T", with: "").replacingOccurrences(of: ":00+00:00", with: "")
        }
        #expect(runs == expected)
    }

    @Test func pauseSurvivesARestart() async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let account = try SchedulerHarness.account("quiet", cron: "0 * * * *")
        let first = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T09:30:00Z"))
        await first.scheduler.apply([account])
        try await first.scheduler.startUp()
        try await first.scheduler.pause("quiet")
        #expect(first.scheduler.jobs().first?.nextRunAt == nil)

        let second = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T10:30:00Z"))
        await second.scheduler.apply([account])
        try await second.scheduler.startUp()
        await second.scheduler.handleDueFires()
        #expect(second.scheduler.jobs().first?.paused == true)
        #expect(second.scheduler.jobs().first?.nextRunAt == nil)
        #expect(try await second.runs().isEmpty)
        try await second.scheduler.resume("quiet")
        #expect(second.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-06-01T11:00:00Z"))
    }

    /// The daemon builds the timetable before it announces itself: applied accounts have their next fire (a
    /// stored pause included) before the scheduler's loop starts, and the start-up after it changes nothing.
    @Test func theTimetableIsBuiltBeforeTheLoopStarts() async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let accounts = [
            try SchedulerHarness.account("quiet", cron: "0 * * * *"),
            try SchedulerHarness.account("busy", cron: "0 * * * *"),
        ]
        let first = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T09:30:00Z"))
        await first.scheduler.apply(accounts)
        try await first.scheduler.startUp()
        try await first.scheduler.pause("quiet")

        let second = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T09:40:00Z"))
        await second.scheduler.apply(accounts)
        #expect(second.scheduler.jobs().allSatisfy { $0.nextRunAt == nil })  // not built yet
        #expect(second.scheduler.heartbeat == nil)
        try await second.scheduler.buildTimetable()
        // The daemon says it is ready right after: `/healthz` needs a heartbeat before the loop's first pass.
        #expect(second.scheduler.heartbeat == SchedulerHarness.date("2026-06-01T09:40:00Z"))
        let built = second.scheduler.jobs().sorted { $0.id < $1.id }
        #expect(built.map(\.nextRunAt) == [SchedulerHarness.date("2026-06-01T10:00:00Z"), nil])
        #expect(built.map(\.paused) == [false, true])
        try await second.scheduler.startUp()
        #expect(second.scheduler.jobs().sorted { $0.id < $1.id } == built)
    }

    @Test func theSameFireOfferedTwiceRunsOnce() async throws {
        let harness = try Harness(steps: ["command": ScriptedStep(outputs: [:])])
        let account = try SchedulerHarness.account("once", cron: "0 10 * * *")
        for _ in 0..<2 {  // two schedulers on one store, e.g. a restart right at the fire
            let test = SchedulerHarness(harness: harness, at: SchedulerHarness.date("2026-06-01T09:59:00Z"))
            await test.scheduler.apply([account])
            try await test.scheduler.startUp()
            await test.advance(to: SchedulerHarness.date("2026-06-01T10:00:00Z"))
            try await test.settle()
        }
        let runs = try await harness.store.runs(matching: RunQuery())
        #expect(runs.count == 1)
    }

    @Test func autoPauseAfterConsecutiveFailures() async throws {
        let test = try Self.make(ScriptedStep([ScriptedStep.failing(.permanent, "broken")]), at: "2026-06-01T09:59:00Z")
        var account = try SchedulerHarness.account("flaky", cron: "0 * * * *")
        account.account.schedule?.pauseAfterFailures = 2
        await test.scheduler.apply([account])
        try await test.scheduler.startUp()
        for hour in ["10", "11"] {
            await test.advance(to: SchedulerHarness.date("2026-06-01T\(hour):00:00Z"))
            try await test.settle()
            if let run = try await test.harness.store.runs(matching: RunQuery(limit: 1)).first {
                await test.scheduler.runFinished(run)
            }
        }
        let state = try await test.harness.store.accountState("flaky")
        #expect(state.paused)
        #expect(state.pauseReason?.hasPrefix("paused after 2 consecutive failed runs") == true)
        #expect(test.scheduler.jobs().first?.nextRunAt == nil)
    }

    @Test func aRemovedJobComesBackWhenItsFileChangesOrOnAReload() async throws {
        let test = try Self.make(at: "2026-06-01T09:30:00Z")
        var account = try SchedulerHarness.account("gone", cron: "0 * * * *")
        await test.scheduler.apply([account])
        try await test.scheduler.startUp()
        try await test.scheduler.remove("gone")
        #expect(test.scheduler.jobs().first?.removed == true)
        #expect(test.scheduler.jobs().first?.nextRunAt == nil)
        await test.scheduler.apply([account])  // same file: stays removed
        #expect(test.scheduler.jobs().first?.removed == true)
        account.contentHash = "edited"
        await test.scheduler.apply([account])
        #expect(test.scheduler.jobs().first?.removed == false)
        #expect(test.scheduler.jobs().first?.nextRunAt == SchedulerHarness.date("2026-06-01T10:00:00Z"))
        try await test.scheduler.remove("gone")
        await test.scheduler.apply([account], reload: true)
        #expect(test.scheduler.jobs().first?.removed == false)
    }
}
