import Foundation
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerEngine

struct RunExecutorTests {
    @Test func aPipelineRunsInOrderAndPassesOutputsThroughTemplates() async throws {
        let topic = ScriptedStep(outputs: ["title": .string("Salt your pasta water")])
        let script = ScriptedStep([ScriptedStep.echo("title", as: "title")])
        let harness = try Harness(steps: ["topic.list": topic, "script.template": script])
        let mergedPipeline = Pipeline(
            name: "p",
            steps: [
                Harness.step("topic", "topic.list"),
                Harness.step(
                    "script", "script.template", needs: ["topic"],
                    with: ["title": .string("{{ vars.greeting }}: {{ steps.topic.title }}")]),
            ])
        let (run, outcome) = try await harness.launcher().start(
            account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        #expect(outcome == .succeeded)
        #expect(script.contexts.first?.inputs["title"] == .string("hello: Salt your pasta water"))
        #expect(try await harness.attemptSummary(run.id) == ["topic#1:succeeded", "script#1:succeeded"])
        let stored = try #require(try await harness.store.run(id: run.id))
        #expect(stored.status == .succeeded)
        #expect(stored.owner == nil)
        #expect(stored.startedAt != nil && stored.finishedAt != nil)
        let attempts = try await harness.store.attempts(runID: run.id)
        #expect(attempts.last?.outputs == ["title": .string("hello: Salt your pasta water")])
    }

    @Test func aTransientFailureIsRetriedOnTheClockWithJitter() async throws {
        let flaky = ScriptedStep([
            ScriptedStep.failing(.transient, "connection reset"), { _ in StepResult(outputs: [:]) },
        ])
        var harness = try Harness(steps: ["command": flaky])
        harness.jitter = 1.2
        let mergedPipeline = Pipeline(name: "p", steps: [Harness.step("fetch", "command")])
        let launcher = harness.launcher()
        let task = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        try await harness.clock.waitForSleepers(2)  // heartbeat + the retry wait (2s × 1.2)
        harness.clock.advance(by: .milliseconds(2_399))
        #expect(flaky.callCount == 1)
        harness.clock.advance(by: .milliseconds(1))
        let (run, outcome) = try await task.value
        #expect(outcome == .succeeded)
        #expect(flaky.callCount == 2)
        let attempts = try await harness.store.attempts(runID: run.id)
        #expect(attempts.map(\.status) == [.failed, .succeeded])
        #expect(attempts.first?.failureKind == .transient)
        #expect(attempts.first?.error == "connection reset")
    }

    @Test func retryAfterFromTheServerSetsTheWait() async throws {
        let limited = ScriptedStep([
            ScriptedStep.failing(.rateLimit, "429", retryAfter: .seconds(30)), { _ in StepResult(outputs: [:]) },
        ])
        let harness = try Harness(steps: ["http": limited])
        let mergedPipeline = Pipeline(name: "p", steps: [Harness.step("call", "http")])
        let launcher = harness.launcher()
        let task = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        try await harness.clock.waitForSleepers(2)
        harness.clock.advance(by: .seconds(29))
        #expect(limited.callCount == 1)
        harness.clock.advance(by: .seconds(1))
        #expect(try await task.value.1 == .succeeded)
    }

    @Test func aPermanentFailureSkipsDependentsAndFailsTheRun() async throws {
        let broken = ScriptedStep([ScriptedStep.failing(.permanent, "bad input")])
        let after = ScriptedStep(outputs: [:])
        let harness = try Harness(steps: ["command": broken, "http": after])
        let mergedPipeline = Pipeline(
            name: "p", steps: [Harness.step("a", "command"), Harness.step("b", "http", needs: ["a"])])
        let (run, outcome) = try await harness.launcher().start(
            account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        #expect(outcome == .failed(reason: "step 'a' failed: bad input"))
        #expect(after.callCount == 0)
        #expect(try await harness.attemptSummary(run.id) == ["a#1:failed", "b#0:skipped"])
        let stored = try #require(try await harness.store.run(id: run.id))
        #expect(stored.status == .failed)
        #expect(stored.reason == "step 'a' failed: bad input")
    }

    @Test func independentBranchesRunConcurrently() async throws {
        let gate = GateStep()
        let harness = try Harness(steps: ["command": gate])
        let mergedPipeline = Pipeline(
            name: "p", steps: [Harness.step("left", "command"), Harness.step("right", "command", needs: [])])
        let launcher = harness.launcher()
        let task = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        try await gate.waitUntilStarted(2)  // both started while neither has finished
        gate.open()
        #expect(try await task.value.1 == .succeeded)
    }

    @Test func aKindLimitBoundsAttemptsAcrossRuns() async throws {
        let gate = GateStep()
        var harness = try Harness(steps: ["video": gate])
        harness.kindLimiter = KindLimiter(limits: ["video": 1])
        let mergedPipeline = Pipeline(name: "p", steps: [Harness.step("render", "video")])
        let launcher = harness.launcher()
        let first = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        let second = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        try await gate.waitUntilStarted(1)
        try await Deadline.until("the second render waits for the video slot") {
            harness.kindLimiter.waiting(for: "video") == 1
        }
        #expect(gate.started == 1)
        gate.open()
        #expect(try await first.value.1 == .succeeded)
        #expect(try await second.value.1 == .succeeded)
        #expect(gate.started == 2)
    }

    @Test func aTimedOutAttemptIsCancelledAndCountsAsTimeout() async throws {
        let harness = try Harness(steps: ["command": HangingStep()])
        let mergedPipeline = Pipeline(
            name: "p", steps: [Harness.step("slow", "command", attempts: 1, timeout: .seconds(600))])
        let launcher = harness.launcher()
        let task = Task {
            try await launcher.start(account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        }
        try await harness.clock.waitForSleepers(2)  // heartbeat + the timeout
        harness.clock.advance(by: .seconds(600))
        let (run, outcome) = try await task.value
        #expect(outcome == .failed(reason: "step 'slow' failed: step 'slow' timed out after 10m."))
        let attempt = try #require(try await harness.store.attempts(runID: run.id).first)
        #expect(attempt.failureKind == .timeout)
    }

    @Test func badInputGivesAClearErrorOnTheAttempt() async throws {
        struct Exploding: Step {
            struct Boom: Error {}
            func run(_ context: StepContext) async throws -> StepResult { throw Boom() }
        }
        let harness = try Harness(steps: ["command": Exploding(), "http": ScriptedStep(outputs: [:])])
        let cases: [(PipelineStep, String)] = [
            (Harness.step("x", "command", attempts: 1), "step kind 'command' failed unexpectedly: Boom()."),
            (
                Harness.step("y", "http", with: ["url": .string("{{ vars.missing }}")]),
                "input 'url': {{ vars.missing }} resolved to nothing."
            ),
            (
                Harness.step(
                    "z", "http", with: ["headers": .map(["authorization": .string("Bearer ${file:secrets/token}")])]),
                "secret file secrets/token is missing or unreadable."
            ),
            (Harness.step("w", "tts"), "step kind 'tts' is not available in this build of showrunner."),
        ]
        for (step, message) in cases {
            let mergedPipeline = Pipeline(name: "p", steps: [step])
            let (run, outcome) = try await harness.launcher().start(
                account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
            #expect(outcome == .failed(reason: "step '\(step.id)' failed: \(message)"))
            let attempts = try await harness.store.attempts(runID: run.id)
            #expect(attempts.count == 1)
            #expect(attempts.first?.status == .failed)
            #expect(attempts.first?.failureKind == .permanent)
            #expect(attempts.first?.error == message)
        }
    }

    @Test func secretsNeverReachTheStore() async throws {
        let leaky = ScriptedStep([
            { context in
                let header = context.inputs["token"]?.stringValue ?? ""
                throw StepFailure(.permanent, "server rejected \(header)", stderrTail: "sent \(header)")
            }
        ])
        var harness = try Harness(steps: ["http": leaky])
        harness.environment = ["API_TOKEN": "sk-live-very-secret"]
        let mergedPipeline = Pipeline(
            name: "p", steps: [Harness.step("call", "http", with: ["token": .string("Bearer ${env:API_TOKEN}")])])
        let (run, _) = try await harness.launcher().start(
            account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        #expect(leaky.contexts.first?.inputs["token"] == .string("Bearer sk-live-very-secret"))
        let attempt = try #require(try await harness.store.attempts(runID: run.id).first)
        #expect(attempt.error == "server rejected Bearer ***")
        #expect(attempt.stderrTail == "sent Bearer ***")
        #expect(try await harness.store.run(id: run.id)?.reason?.contains("sk-live") == false)
    }

    @Test func anOptionalFailureLetsTheRunSucceed() async throws {
        let harness = try Harness(steps: [
            "thumbnail": ScriptedStep([ScriptedStep.failing(.permanent, "no font")]),
            "command": ScriptedStep(outputs: [:]),
        ])
        let mergedPipeline = Pipeline(
            name: "p",
            steps: [
                Harness.step("thumbnail", "thumbnail", optional: true),
                Harness.step("upload", "command", needs: ["thumbnail"]),
            ])
        let (run, outcome) = try await harness.launcher().start(
            account: Harness.account, mergedPipeline: mergedPipeline, trigger: .manual)
        #expect(outcome == .succeeded)
        #expect(try await harness.attemptSummary(run.id) == ["thumbnail#1:failed", "upload#1:succeeded"])
    }
}
