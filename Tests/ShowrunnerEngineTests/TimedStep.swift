import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Synchronization

/// A step that takes `duration` on a manual clock; it counts what it executed and which calls are still asleep.
final class TimedStep: Step, Sendable {
    private struct State {
        var deadlines: [Int: ManualClock.Instant] = [:]
        var executed: [String] = []
        var nextID = 0
    }

    let clock: ManualClock
    let duration: Duration
    private let state = Mutex(State())

    init(clock: ManualClock, duration: Duration) {
        self.clock = clock
        self.duration = duration
    }

    func run(_ context: StepContext) async throws -> StepResult {
        let deadline = clock.now.advanced(by: duration)
        let id = state.withLock { state in
            state.nextID += 1
            state.deadlines[state.nextID] = deadline
            state.executed.append(context.run.id)
            return state.nextID
        }
        defer { _ = state.withLock { $0.deadlines.removeValue(forKey: id) } }
        try await clock.sleep(until: deadline)
        return StepResult(outputs: [:])
    }

    /// The run ids it was called for, in order.
    var executed: [String] { state.withLock { $0.executed } }

    /// Calls asleep until a deadline still ahead (they cannot end before the clock moves).
    var asleep: Int {
        let now = clock.now
        return state.withLock { $0.deadlines.values.count { $0 > now } }
    }
}
