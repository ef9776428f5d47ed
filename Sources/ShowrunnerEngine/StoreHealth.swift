import Foundation
import Synchronization

/// Writes the store refused and that are waiting to be retried (a full disk, a broken database), so `/healthz`
/// can say the store is failing while they wait and recover once every one of them is written.
public final class StoreHealth: Sendable {
    private struct State {
        var failing: [String: String] = [:]
        var lastError = ""
    }

    private let state = Mutex(State())

    public init() {}

    /// The write identified by `key` failed with `error`; it stays failing until `succeeded(key)`.
    func failed(_ key: String, _ error: any Error) {
        state.withLock { state in
            state.failing[key] = "\(error)"
            state.lastError = "\(error)"
        }
    }

    func succeeded(_ key: String) {
        _ = state.withLock { $0.failing.removeValue(forKey: key) }
    }

    /// One sentence for `/healthz` while writes fail; nil when every refused write has since been written.
    public var problem: String? {
        state.withLock { state in
            guard !state.failing.isEmpty else { return nil }
            return "The store cannot be written (\(state.lastError)); \(state.failing.count) write(s) wait to be "
                + "retried."
        }
    }
}
