import ServiceLifecycle

/// The run coordinator's place in the `ServiceGroup`: on graceful shutdown it stops new runs, gives running
/// steps their grace period, then stops them (leaving the runs resumable).
public struct CoordinatorDrain: Service {
    let coordinator: RunCoordinator
    let grace: Duration
    let clock: any Clock<Duration>

    public init(coordinator: RunCoordinator, grace: Duration, clock: any Clock<Duration> = ContinuousClock()) {
        self.coordinator = coordinator
        self.grace = grace
        self.clock = clock
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await coordinator.drain(grace: grace, clock: clock)
    }
}
