import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

struct RunLauncherTests {
    static let mergedPipeline = Pipeline(
        name: "p",
        steps: [
            Harness.step("topic", "topic.list"), Harness.step("script", "script.template", needs: ["topic"]),
            Harness.step("upload", "upload.local", needs: ["script"]),
        ])

    @Test func resumeTakesOverAnInterruptedRunWithoutRedoingCompletedSteps() async throws {
        let topic = ScriptedStep(outputs: ["title": .string("T")])
        let script = ScriptedStep([ScriptedStep.echo("title", as: "title")])
        let upload = ScriptedStep(outputs: ["path": .string("/out/x.mp4")])
        let harness = try Harness(steps: ["topic.list": topic, "script.template": script, "upload.local": upload])
        // A run left behind by a dead process: topic succeeded, script was in flight.
        let dead = RunOwner(host: ProcessInfo.processInfo.hostName, pid: 999_999, heartbeatAt: Harness.start)
        let run = RunRecord(id: "r1", accountID: "cooking", pipeline: "p", trigger: .manual, createdAt: Harness.start)
        #expect(try await harness.store.insertRun(run))
        try await harness.store.updateRun(id: "r1", status: .running, reason: nil, owner: dead, at: Harness.start)
        try await harness.store.insertAttempt(
            AttemptRecord(runID: "r1", stepID: "topic", attempt: 1, startedAt: Harness.start))
        try await harness.store.finishAttempt(
            runID: "r1", stepID: "topic", attempt: 1, status: .succeeded, failure: nil,
            result: StepResult(outputs: ["title": .string("Kept title")]), at: Harness.start)
        try await harness.store.insertAttempt(
            AttemptRecord(runID: "r1", stepID: "script", attempt: 1, startedAt: Harness.start))

        let outcome = try await harness.launcher().resume(
            runID: "r1", account: Harness.account, mergedPipeline: Self.mergedPipeline)
        #expect(outcome == .succeeded)
        #expect(topic.callCount == 0)
        #expect(script.contexts.first?.inputs["title"] == .string("Kept title"))
        #expect(script.contexts.first?.attempt == 2)
        #expect(
            try await harness.attemptSummary("r1") == [
                "topic#1:succeeded", "script#1:failed", "script#2:succeeded", "upload#1:succeeded",
            ])
        let interrupted = try await harness.store.attempts(runID: "r1")[1]
        #expect(interrupted.failureKind == .transient)
        #expect(interrupted.error == "interrupted: the process running this attempt stopped.")
    }

    @Test func aRunWithALiveOwnerIsNotTakenOver() async throws {
        let harness = try Harness(steps: [:])
        let alive = RunOwner(host: ProcessInfo.processInfo.hostName, pid: getppid(), heartbeatAt: Harness.start)
        let run = RunRecord(id: "r2", accountID: "cooking", pipeline: "p", trigger: .manual, createdAt: Harness.start)
        _ = try await harness.store.insertRun(run)
        try await harness.store.updateRun(id: "r2", status: .running, reason: nil, owner: alive, at: Harness.start)
        await #expect(throws: RunRefusal.self) {
            try await harness.launcher().resume(
                runID: "r2", account: Harness.account, mergedPipeline: Self.mergedPipeline)
        }
    }

    @Test func retryMakesANewRunThatReusesSucceededSteps() async throws {
        let topic = ScriptedStep(outputs: ["title": .string("T")])
        let script = ScriptedStep([
            ScriptedStep.failing(.permanent, "template broken"), ScriptedStep.echo("title", as: "title"),
        ])
        let upload = ScriptedStep(outputs: ["path": .string("/out/x.mp4")])
        let harness = try Harness(steps: ["topic.list": topic, "script.template": script, "upload.local": upload])
        let launcher = harness.launcher()
        let (first, firstOutcome) = try await launcher.start(
            account: Harness.account, mergedPipeline: Self.mergedPipeline, trigger: .manual)
        #expect(firstOutcome == .failed(reason: "step 'script' failed: template broken"))

        let (retry, outcome) = try await launcher.retry(
            runID: first.id, account: Harness.account, mergedPipeline: Self.mergedPipeline)
        #expect(outcome == .succeeded)
        #expect(retry.trigger == .retry)
        #expect(retry.retryOf == first.id)
        #expect(topic.callCount == 1)
        #expect(
            try await harness.attemptSummary(retry.id) == [
                "topic#0:reused", "script#1:succeeded", "upload#1:succeeded",
            ])
        #expect(try await harness.store.run(id: first.id)?.status == .failed)
        await #expect(throws: RunRefusal.nothingToRetry(retry.id, .succeeded)) {
            try await launcher.retry(runID: retry.id, account: Harness.account, mergedPipeline: Self.mergedPipeline)
        }
    }

    @Test func aScheduledFireProducesAtMostOneRun() async throws {
        let harness = try Harness(steps: ["topic.list": ScriptedStep(outputs: ["title": .string("T")])])
        let mergedPipeline = Pipeline(name: "p", steps: [Harness.step("topic", "topic.list")])
        let fire = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await harness.launcher().start(
            account: Harness.account, mergedPipeline: mergedPipeline, trigger: .schedule, scheduledAt: fire)
        await #expect(throws: RunRefusal.self) {
            try await harness.launcher().start(
                account: Harness.account, mergedPipeline: mergedPipeline, trigger: .catchUp, scheduledAt: fire)
        }
        #expect(try await harness.store.runs(matching: RunQuery()).count == 1)
    }

    @Test func anEarlierIncarnationWithOurPIDIsGone() {
        let probe = OwnerProbe(now: { Harness.start })
        let machine = ProcessInfo.processInfo.hostName
        let earlier = RunOwner(host: "\(machine)~previous", pid: getpid(), heartbeatAt: Harness.start)
        #expect(probe.isGone(earlier))
        #expect(!probe.isGone(OwnerProbe.current(now: Harness.start)))
        #expect(
            probe.isGone(RunOwner(host: machine, pid: getppid(), heartbeatAt: Harness.start.addingTimeInterval(-600))))
    }

    @Test func runIDsSortByTime() {
        let a = RunID.make(at: Date(timeIntervalSince1970: 1_790_000_000), randomIndex: { $0 - 1 })
        let b = RunID.make(at: Date(timeIntervalSince1970: 1_790_000_001), randomIndex: { _ in 0 })
        #expect(a == "20260921-141320-zzzzz")
        #expect(a < b)
    }

    @Test func idsMadeTogetherAreDistinctEvenWithARepeatingRandomSource() {
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let ids = RunID.make(4, at: at, randomIndex: { _ in 0 })
        #expect(Set(ids).count == 4)
        #expect(ids[0] == "20260921-141320-00000")
        #expect(ids.allSatisfy { $0.hasPrefix("20260921-141320-") })
    }
}
