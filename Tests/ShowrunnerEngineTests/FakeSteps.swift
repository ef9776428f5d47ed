import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Synchronization

/// A step whose behaviour a test scripts per attempt; it records every context it was called with.
final class ScriptedStep: Step, Sendable {
    typealias Behaviour = @Sendable (StepContext) async throws -> StepResult

    private let behaviours: Mutex<[Behaviour]>
    private let calls = Mutex<[StepContext]>([])

    /// Attempt n uses behaviour n (the last one repeats).
    init(_ behaviours: [Behaviour]) { self.behaviours = Mutex(behaviours) }

    convenience init(outputs: [String: ConfigValue]) {
        self.init([{ _ in StepResult(outputs: outputs) }])
    }

    var callCount: Int { calls.withLock { $0.count } }
    var contexts: [StepContext] { calls.withLock { $0 } }

    func run(_ context: StepContext) async throws -> StepResult {
        let index = calls.withLock { calls in
            calls.append(context)
            return calls.count - 1
        }
        let behaviour = behaviours.withLock { $0[min(index, $0.count - 1)] }
        return try await behaviour(context)
    }

    static func failing(_ kind: FailureKind, _ message: String, retryAfter: Duration? = nil) -> Behaviour {
        { _ in throw StepFailure(kind, message, retryAfter: retryAfter) }
    }

    static func echo(_ input: String, as output: String) -> Behaviour {
        { context in StepResult(outputs: [output: context.inputs[input] ?? .null]) }
    }
}

/// A step that blocks until the test opens its gate (or the task is cancelled), to observe concurrency.
final class GateStep: Step, Sendable {
    private let state = Mutex<(started: Int, waiters: [CheckedContinuation<Void, Never>], open: Bool)>((0, [], false))
    private let starts = WatchedCount()

    var started: Int { state.withLock { $0.started } }

    func run(_ context: StepContext) async throws -> StepResult {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                state.started += 1
                starts.set(state.started)
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
        return StepResult(outputs: ["done": .bool(true)])
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once `count` attempts have started.
    func waitUntilStarted(_ count: Int) async throws {
        try await starts.wait(untilAtLeast: count, "\(count) attempts started")
    }
}

/// A step that never finishes on its own; it ends only when cancelled (to test timeouts and shutdown).
final class HangingStep: Step, Sendable {
    /// Attempts that started.
    let started = WatchedCount()

    func run(_ context: StepContext) async throws -> StepResult {
        started.increment()
        try await Task.sleep(for: .seconds(1_000_000))
        throw StepFailure(.permanent, "unreachable")
    }
}
