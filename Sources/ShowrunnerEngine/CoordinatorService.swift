import ServiceLifecycle

/// The run coordinator's place in the `ServiceGroup`: it executes runs (as child tasks of `RunCoordinator.run`)
/// until graceful shutdown, then stops new runs, gives running steps their grace period, and stops them (leaving
/// the runs resumable).
public struct CoordinatorService: Service {
    let coordinator: RunCoordinator
    let grace: Duration
    let clock: any Clock<Duration>

    public init(coordinator: RunCoordinator, grace: Duration, clock: any Clock<Duration> = ContinuousClock()) {
        self.coordinator = coordinator
        self.grace = grace
        self.clock = clock
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await coordinator.run() }
            group.addTask {
                try? await gracefulShutdown()
                await coordinator.drain(grace: grace, clock: clock)
            }
        }
    }
}
