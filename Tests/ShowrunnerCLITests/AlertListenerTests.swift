import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerSteps
import ShowrunnerStore
import Testing

@testable import ShowrunnerCLI

/// What the engine reports becomes alerts at a receiver: auth needed, quota wait, video published (with its
/// link), auto-pause once per pause.
@Suite(.serialized) struct AlertListenerTests {
    struct Fixture {
        let receiver: FakeWebhookReceiver
        let store: SQLiteStore
        let listener: AlertListener
        let service: Task<Void, any Error>

        init() throws {
            receiver = try FakeWebhookReceiver()
            store = try SQLiteStore.inMemory()
            let dispatcher = AlertDispatcherTests.dispatcher(
                [AlertTarget(url: receiver.url(), format: .json)], store: store)
            listener = AlertListener(dispatcher: dispatcher, accountStates: store, history: store)
            service = Task { try await dispatcher.run() }
        }

        func stop() {
            service.cancel()
            receiver.stop()
        }

        /// Waits (bounded, without blocking the test's thread: the dispatcher runs on the same pool) for `count`
        /// alerts of `event`.
        func bodies(_ event: AlertEvent, count: Int = 1) async throws -> [[String: Any]] {
            let deadline = ContinuousClock.now + .seconds(30)
            var found: [[String: Any]] = []
            repeat {
                found = receiver.requests.compactMap { $0["body"] as? [String: Any] }
                    .filter { $0["event"] as? String == event.rawValue }
                if found.count >= count { break }
                try await Task.sleep(for: .milliseconds(20))
            } while ContinuousClock.now < deadline
            return found
        }

        func run(_ id: String, _ status: RunStatus) async throws -> RunRecord {
            let now = Date()
            let run = RunRecord(
                id: id, accountID: "cooking", pipeline: "shorts", trigger: .manual, status: status, createdAt: now,
                startedAt: now, finishedAt: now)
            _ = try await store.insertRun(run)
            return run
        }
    }

    @Test func anAuthFailureAsksForSignIn() async throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        _ = try await fixture.store.updateAccountState("cooking") { $0.authFlag = "the refresh token was revoked" }
        await fixture.listener.runFinished(try await fixture.run("r1", .failed), outcome: .failed(reason: "auth"))
        let body = try #require(try await fixture.bodies(.authNeeded).first)
        #expect((body["message"] as? String)?.contains("showrunner auth youtube cooking") == true)
        #expect(try await fixture.bodies(.runFailed).count == 1)
    }

    @Test func aQuotaFailureIsAQuotaWait() async throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        fixture.listener.runEvent(
            accountID: "cooking", runID: "r2",
            event: .stepFailed(step: "upload", attempt: 1, failure: StepFailure(.quota, "daily quota used"), seconds: 1)
        )
        fixture.listener.runEvent(
            accountID: "cooking", runID: "r2",
            event: .stepFailed(step: "upload", attempt: 1, failure: StepFailure(.transient, "503"), seconds: 1))
        let body = try #require(try await fixture.bodies(.quotaWait).first)
        #expect((body["message"] as? String)?.contains("daily quota used") == true)
        #expect(fixture.receiver.requests.count == 1, "a transient failure is no alert")
    }

    @Test func aSucceededUploadPublishesItsLink() async throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        let run = try await fixture.run("r3", .succeeded)
        try await fixture.store.insertAttempt(
            AttemptRecord(runID: "r3", stepID: "upload", attempt: 1, startedAt: Date()))
        try await fixture.store.finishAttempt(
            runID: "r3", stepID: "upload", attempt: 1, status: .succeeded, failure: nil,
            result: StepResult(outputs: ["url": .string("https://youtu.be/xyz")]), at: Date())
        await fixture.listener.runFinished(run, outcome: .succeeded)
        #expect(try await fixture.bodies(.videoPublished).first?["link"] as? String == "https://youtu.be/xyz")
    }

    @Test func anAutoPauseAlertsOncePerPause() async throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        _ = try await fixture.store.updateAccountState("cooking") {
            $0.paused = true
            $0.pauseReason = "paused after 3 consecutive failed runs"
        }
        let run = try await fixture.run("r4", .failed)
        await fixture.listener.runFinished(run, outcome: .failed(reason: "x"))
        await fixture.listener.runFinished(run, outcome: .failed(reason: "x"))
        _ = try await fixture.bodies(.runFailed, count: 2)
        #expect(try await fixture.bodies(.accountPaused).count == 1)
    }
}
