import Synchronization

/// A number that tests wait on: `wait(untilAtLeast:)` returns the moment it reaches a value (no polling, no
/// yields), or throws `Deadline.Missed` after a bound of real time meant for a stuck test, not a timing.
public final class WatchedCount: Sendable {
    private struct Waiter {
        let id: Int
        let target: Int
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var value = 0
        var waiters: [Waiter] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var value: Int { state.withLock { $0.value } }

    /// Sets the value and wakes every waiter whose target it reached.
    public func set(_ value: Int) { update { $0 = value } }

    public func increment() { update { $0 += 1 } }

    private func update(_ change: (inout Int) -> Void) {
        let reached = state.withLock { state -> [Waiter] in
            change(&state.value)
            let value = state.value
            defer { state.waiters.removeAll { $0.target <= value } }
            return state.waiters.filter { $0.target <= value }
        }
        for waiter in reached { waiter.continuation.resume() }
    }

    /// Returns once the value is at least `target`.
    public func wait(
        untilAtLeast target: Int, _ what: String, within limit: Duration = Deadline.stuckAfter
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.reach(target) }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Deadline.Missed(what: what)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func reach(_ target: Int) async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let reached = state.withLock { state in
                    if state.value >= target || Task.isCancelled { return true }
                    state.waiters.append(Waiter(id: id, target: target, continuation: continuation))
                    return false
                }
                if reached { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume()
        }
    }
}
