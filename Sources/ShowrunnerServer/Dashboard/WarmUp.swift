import Synchronization

/// Work the dashboard does once the server listens, in the background (reading 89 closed days of statistics):
/// it delays neither the start nor the first answers, and the first page that needs it finds it done or in flight.
final class WarmUp: Sendable {
    private let work = Mutex<(@Sendable () async -> Void)?>(nil)

    func set(_ body: @escaping @Sendable () async -> Void) { work.withLock { $0 = body } }

    /// Starts the work at background priority, once.
    func start() {
        guard
            let body = work.withLock({ value in
                defer { value = nil }; return value
            })
        else { return }
        Task.detached(priority: .background) { await body() }
    }
}
