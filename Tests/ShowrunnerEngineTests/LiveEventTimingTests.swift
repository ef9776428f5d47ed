import Foundation
import ShowrunnerCore
import ShowrunnerStore
import ShowrunnerTestSupport
import Synchronization
import Testing

@testable import ShowrunnerEngine

/// `run.finished` goes out once the store holds the run's end, not after the finish listeners' follow-up work, and
/// exactly once; every subscriber sees the events in id order.
struct LiveEventTimingTests {
    /// A finish listener that holds the coordinator until the test opens it (slow follow-up work).
    final class HeldListener: RunFinishListener {
        let gate = Gate()
        func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
            await gate.wait()
        }
    }

    /// Opened once; waiters resume then (or at once when already open).
    final class Gate: Sendable {
        private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
        func wait() async {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if !state.open { state.waiters.append(continuation) }
                    return state.open
                }
                if now { continuation.resume() }
            }
        }
        func open() {
            state.withLock { state in
                state.open = true
                defer { state.waiters = [] }
                return state.waiters
            }.forEach { $0.resume() }
        }
        var isOpen: Bool { state.withLock { $0.open } }
    }

    final class Seen: Sendable {
        let ids = Mutex<[Int]>([])
    }

    struct Signal: RunFinishListener {
        let gate: Gate
        func runFinished(_ run: RunRecord, outcome: RunOutcome?) async { gate.open() }
    }

    @Test func runFinishedGoesOutBeforeSlowFinishListenersAndOnlyOnce() async throws {
        let test = SchedulerHarness(
            harness: try Harness(steps: ["command": ScriptedStep(outputs: ["done": .bool(true)])]),
            at: SchedulerHarness.date("2026-06-01T10:00:00Z"))
        let hub = LiveEventHub()
        let held = HeldListener()
        let ended = Gate()
        test.coordinator.setActivityListener(hub)
        // The slow listener first: before, the event waited for it (and for the account's state before that).
        test.coordinator.setFinishListener(FinishListeners([held, test.scheduler, hub, Signal(gate: ended)]))
        let finished = Mutex<[LiveEvent]>([])
        let registration = hub.register(after: nil) { event in
            if event.type == .runFinished { finished.withLock { $0.append(event) } }
        }
        defer { registration.cancel() }
        let account = try SchedulerHarness.account("live", cron: "0 * * * *")
        let run = try #require(
            try await test.coordinator.submit(
                account: account.account, mergedPipeline: account.mergedPipeline, trigger: .manual, scheduledAt: nil,
                configRevision: nil))
        try await Deadline.until("run.finished is published") { finished.withLock { !$0.isEmpty } }
        #expect(!held.gate.isOpen)
        #expect(try await test.harness.store.run(id: run.id)?.status == .succeeded)
        held.gate.open()
        await ended.wait()
        #expect(finished.withLock { $0.map { $0.fields["status"] } } == ["succeeded"])
        try await test.settle()
    }

    @Test func aRunEndTheExecutorDidNotReportIsPublishedByTheFinishListener() async {
        let hub = LiveEventHub()
        let run = RunRecord(
            id: "r1", accountID: "a", pipeline: "p", trigger: .schedule, status: .running, createdAt: Date())
        await hub.runFinished(run, outcome: nil)
        let replay = hub.register(after: 0) { _ in }
        #expect(replay.replay.map(\.type) == [.runFinished])
        #expect(replay.replay.first?.fields["status"] == "interrupted")
        replay.cancel()
    }

    @Test func everySubscriberSeesConcurrentEventsInIDOrder() async {
        let hub = LiveEventHub()
        let seen = (0..<8).map { _ in Seen() }
        let registrations = seen.map { list in
            hub.register(after: nil) { event in list.ids.withLock { $0.append(event.id) } }
        }
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<200 { hub.publish(.runQueued, ["run_id": "t\(task)-\(index)"]) }
                }
            }
        }
        for list in seen { #expect(list.ids.withLock { $0 } == Array(1...1600)) }
        registrations.forEach { $0.cancel() }
        #expect(hub.subscriberCount == 0)
    }

    @Test(arguments: [
        ["run_id": "plain"],
        ["a": "quote \" and backslash \\", "b": "line\nbreak\ttab\r"],
        ["control": "\u{1}\u{1f}", "unicode": "é 日本 🎬", "separators": "\u{2028}\u{2029}"],
        [:],
    ])
    func eventDataIsJSONThatDecodesToTheFields(_ fields: [String: String]) throws {
        let json = FlatJSON.encode(fields)
        #expect(!json.contains("\n"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded == fields)
        #expect(json == LiveEvent(id: 1, type: .reload, fields: fields).json)
    }
}
