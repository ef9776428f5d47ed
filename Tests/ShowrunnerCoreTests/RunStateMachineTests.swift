import Foundation
import Testing

@testable import ShowrunnerCore

struct RunStateMachineTests {
    /// 2026-07-01 12:00 Pacific (PDT, UTC-7).
    static let noon = Date(timeIntervalSince1970: 1_782_932_400)
    static func step(
        _ id: String, needs: [String] = [], optional: Bool = false, retry: RetryPolicy = .default
    ) -> PipelineStep {
        PipelineStep(id: id, uses: "command", needs: needs, retry: retry, optional: optional)
    }

    static let linear = Pipeline(
        name: "p", steps: [step("topic"), step("script", needs: ["topic"]), step("voice", needs: ["script"])])

    static let diamond = Pipeline(
        name: "p",
        steps: [
            step("script"), step("voice", needs: ["script"]), step("thumbnail", needs: ["script"], optional: true),
            step("video", needs: ["voice"]), step("upload", needs: ["video", "thumbnail"]),
        ])

    @Test func linearRunStartsOneStepAfterAnother() {
        var machine = RunStateMachine(mergedPipeline: Self.linear)
        #expect(machine.start() == [.start(step: "topic", attempt: 1)])
        #expect(machine.stepSucceeded("topic") == [.start(step: "script", attempt: 1)])
        #expect(machine.stepSucceeded("script") == [.start(step: "voice", attempt: 1)])
        #expect(machine.stepSucceeded("voice") == [.finish(.succeeded)])
        #expect(machine.isFinished)
    }

    @Test func independentBranchesStartTogetherWithinTheBound() {
        var machine = RunStateMachine(mergedPipeline: Self.diamond)
        #expect(machine.start() == [.start(step: "script", attempt: 1)])
        #expect(
            machine.stepSucceeded("script") == [
                .start(step: "voice", attempt: 1), .start(step: "thumbnail", attempt: 1),
            ])

        var bounded = RunStateMachine(mergedPipeline: Self.diamond, maxParallelSteps: 1)
        _ = bounded.start()
        #expect(bounded.stepSucceeded("script") == [.start(step: "voice", attempt: 1)])
        #expect(bounded.stepSucceeded("voice") == [.start(step: "thumbnail", attempt: 1)])
    }

    @Test(arguments: [
        // (failures so far, kind, jitter, retry-after, expected delay in ms; nil = give up)
        (1, FailureKind.transient, 1.0, nil as Duration?, 2_000 as Int64?),
        (2, .transient, 1.0, nil, 4_000),
        (3, .transient, 1.0, nil, nil),  // attempts: 3 → the third failure is final
        (1, .rateLimit, 1.0, nil, 2_000),
        (1, .timeout, 1.2, nil, 2_400),
        (1, .transient, 0.8, nil, 1_600),
        (1, .transient, 5.0, nil, 2_400),  // jitter clamped to 1.2
        (1, .rateLimit, 1.0, .seconds(30), 30_000),  // Retry-After raises the delay
        (1, .permanent, 1.0, nil, nil),
        (1, .auth, 1.0, .seconds(5), nil),
    ])
    func retryDelays(
        _ failures: Int, _ kind: FailureKind, _ jitter: Double, _ retryAfter: Duration?, _ expected: Int64?
    ) {
        let delay = RetryPolicy.default.delay(
            afterFailures: failures, kind: kind, jitter: jitter, retryAfter: retryAfter)
        #expect(delay == expected.map { .milliseconds($0) })
    }

    @Test func delaysAreCappedAndFixedBackoffDoesNotGrow() {
        var policy = RetryPolicy.default
        policy.attempts = 20
        policy.maxDelay = .seconds(10)
        #expect(policy.delay(afterFailures: 10, kind: .transient, jitter: 1) == .seconds(10))
        #expect(policy.delay(afterFailures: 10, kind: .transient, jitter: 1.2) == .seconds(12))
        policy.jitter = false
        #expect(policy.delay(afterFailures: 10, kind: .transient, jitter: 1.2) == .seconds(10))
        policy.backoff = .fixed
        #expect(policy.delay(afterFailures: 5, kind: .transient, jitter: 1) == .seconds(2))
        policy.retryOn = [.rateLimit]
        #expect(policy.delay(afterFailures: 1, kind: .transient, jitter: 1) == nil)
    }

    @Test func aTransientFailureIsRetriedAfterItsDelay() {
        var machine = RunStateMachine(mergedPipeline: Self.linear)
        _ = machine.start()
        #expect(
            machine.stepFailed("topic", StepFailure(.transient, "reset"), jitter: 1, at: Self.noon) == [
                .retry(step: "topic", after: .seconds(2))
            ])
        #expect(machine.retryDue("topic") == [.start(step: "topic", attempt: 2)])
        #expect(
            machine.stepFailed("topic", StepFailure(.transient, "reset"), jitter: 1, at: Self.noon) == [
                .retry(step: "topic", after: .seconds(4))
            ])
        #expect(machine.retryDue("topic") == [.start(step: "topic", attempt: 3)])
        #expect(
            machine.stepFailed("topic", StepFailure(.transient, "reset"), jitter: 1, at: Self.noon) == [
                .skip(step: "script", reason: "step 'topic' did not succeed"),
                .skip(step: "voice", reason: "step 'script' did not succeed"),
                .finish(.failed(reason: "step 'topic' failed: reset")),
            ])
    }

    @Test func permanentAndAuthFailuresAreNeverRetried() {
        for kind in [FailureKind.permanent, .auth] {
            var machine = RunStateMachine(mergedPipeline: Self.linear)
            _ = machine.start()
            let actions = machine.stepFailed("topic", StepFailure(kind, "no"), jitter: 1, at: Self.noon)
            #expect(actions.last == .finish(.failed(reason: "step 'topic' failed: no")))
            #expect(!actions.contains { if case .retry = $0 { true } else { false } })
        }
    }

    @Test func quotaWaitsForTheResetWithoutSpendingAttempts() {
        var retry = RetryPolicy.default
        retry.attempts = 1
        var machine = RunStateMachine(mergedPipeline: Pipeline(name: "p", steps: [Self.step("upload", retry: retry)]))
        _ = machine.start()
        let failure = StepFailure(.quota, "daily quota used", retryAfter: .seconds(7200))
        #expect(
            machine.stepFailed("upload", failure, jitter: 1, at: Self.noon) == [
                .retry(step: "upload", after: .seconds(7200))
            ])
        #expect(machine.retryDue("upload") == [.start(step: "upload", attempt: 2)])
        #expect(machine.stepSucceeded("upload") == [.finish(.succeeded)])
    }

    @Test func anOptionalFailureDoesNotFailTheRunAndDependentsStillRun() {
        var machine = RunStateMachine(mergedPipeline: Self.diamond)
        _ = machine.start()
        _ = machine.stepSucceeded("script")
        #expect(machine.stepFailed("thumbnail", StepFailure(.permanent, "no font"), jitter: 1, at: Self.noon) == [])
        #expect(machine.stepSucceeded("voice") == [.start(step: "video", attempt: 1)])
        #expect(machine.stepSucceeded("video") == [.start(step: "upload", attempt: 1)])
        #expect(machine.stepSucceeded("upload") == [.finish(.succeeded)])
    }

    @Test func aFailureSkipsOnlyItsDependentsAndTheRunEndsWhenBranchesEnd() {
        var machine = RunStateMachine(mergedPipeline: Self.diamond)
        _ = machine.start()
        _ = machine.stepSucceeded("script")
        #expect(
            machine.stepFailed("voice", StepFailure(.permanent, "bad voice"), jitter: 1, at: Self.noon) == [
                .skip(step: "video", reason: "step 'voice' did not succeed"),
                .skip(step: "upload", reason: "step 'video' did not succeed"),
            ])
        #expect(!machine.isFinished)  // thumbnail is still running
        #expect(machine.stepSucceeded("thumbnail") == [.finish(.failed(reason: "step 'voice' failed: bad voice"))])
    }

    @Test func resumeSkipsCompletedStepsAndContinuesAttemptNumbers() {
        let resume = ResumePoint(
            succeeded: ["topic"], lastAttempt: ["topic": 1, "script": 1], countedFailures: ["script": 1])
        var machine = RunStateMachine(mergedPipeline: Self.linear, resume: resume)
        #expect(machine.start() == [.start(step: "script", attempt: 2)])
    }

    @Test func aStepWithoutAttemptsLeftFailsOnResume() {
        let resume = ResumePoint(succeeded: ["topic"], lastAttempt: ["script": 3], countedFailures: ["script": 3])
        var machine = RunStateMachine(mergedPipeline: Self.linear, resume: resume)
        #expect(
            machine.start() == [
                .skip(step: "voice", reason: "step 'script' did not succeed"),
                .finish(.failed(reason: "step 'script' ran out of attempts")),
            ])
    }

    @Test func cancelSkipsWhatHasNotStartedAndWaitsForRunningSteps() {
        var machine = RunStateMachine(mergedPipeline: Self.diamond)
        _ = machine.start()
        _ = machine.stepSucceeded("script")
        #expect(
            machine.cancel() == [
                .stopAttempts,
                .skip(step: "video", reason: "the run was cancelled"),
                .skip(step: "upload", reason: "the run was cancelled"),
            ])
        _ = machine.stepFailed("voice", StepFailure(.transient, "cancelled"), jitter: 1, at: Self.noon)
        #expect(
            machine.stepFailed("thumbnail", StepFailure(.transient, "cancelled"), jitter: 1, at: Self.noon) == [
                .finish(.cancelled)
            ])
    }

    /// A quota failure without `retryAfter` waits until midnight Pacific time, not a fixed hour.
    @Test(arguments: [
        ("2026-07-01T12:00:00-07:00", Duration.seconds(12 * 3600)),  // summer noon: 12 h to midnight PDT
        ("2026-07-01T23:59:00-07:00", .seconds(60)),
        ("2026-01-15T00:00:00Z", .seconds(8 * 3600)),  // 16:00 PST the day before: 8 h
        ("2026-11-01T00:30:00-07:00", .seconds(24 * 3600 + 1800)),  // DST ends that night: a 25-hour day
    ])
    func quotaWithoutRetryAfterWaitsUntilTheReset(_ now: String, _ wait: Duration) throws {
        let at = try #require(RFC3339.parse(now, defaultZone: PacificDay.timeZone))
        var machine = RunStateMachine(mergedPipeline: Pipeline(name: "p", steps: [Self.step("upload")]))
        _ = machine.start()
        let actions = machine.stepFailed("upload", StepFailure(.quota, "daily quota used"), jitter: 1, at: at)
        #expect(actions == [.retry(step: "upload", after: wait)])
    }

    @Test func cancellingTwiceOrAfterTheEndDecidesNothing() {
        var machine = RunStateMachine(mergedPipeline: Self.linear)
        _ = machine.start()
        #expect(machine.cancel().first == .stopAttempts)
        #expect(machine.cancel() == [])
    }
}
