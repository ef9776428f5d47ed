import Foundation
import Synchronization

/// Bounds how many attempts of one step kind run at once across all runs (SPEC §3: video encoding defaults to
/// one per core). Waiters are served first come, first served; cancellation while waiting gives up the place.
public final class KindLimiter: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var running: [String: Int] = [:]
        var waiting: [String: [Waiter]] = [:]
        var nextID = 0
    }

    private let limits: [String: Int]
    private let state = Mutex(State())

    /// `limits` by kind; kinds not listed are unbounded.
    public init(limits: [String: Int]) { self.limits = limits.mapValues { max(1, $0) } }

    /// The default: `video` one per core.
    public static var standard: KindLimiter {
        KindLimiter(limits: ["video": ProcessInfo.processInfo.activeProcessorCount])
    }

    /// How many attempts of `kind` wait for a slot.
    public func waiting(for kind: String) -> Int { state.withLock { $0.waiting[kind]?.count ?? 0 } }

    /// Runs `work` once a slot for `kind` is free.
    public func withSlot<Result: Sendable>(for kind: String, _ work: () async throws -> Result) async throws -> Result {
        guard let limit = limits[kind] else { return try await work() }
        try await acquire(kind, limit: limit)
        defer { release(kind) }
        return try await work()
    }

    private func acquire(_ kind: String, limit: Int) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let granted = state.withLock { state -> Bool in
                    if state.running[kind, default: 0] < limit, state.waiting[kind, default: []].isEmpty {
                        state.running[kind, default: 0] += 1
                        return true
                    }
                    state.waiting[kind, default: []].append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if granted { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiting[kind]?.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiting[kind]?.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private func release(_ kind: String) {
        let next = state.withLock { state -> Waiter? in
            if let waiter = state.waiting[kind]?.first {
                state.waiting[kind]?.removeFirst()
                return waiter  // the slot passes straight to the next waiter
            }
            state.running[kind, default: 1] -= 1
            return nil
        }
        next?.continuation.resume()
    }
}
