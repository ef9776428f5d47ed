import ServiceLifecycle
import ShowrunnerConfig
import ShowrunnerCore

/// Installs the config watches, loads the config folder (`Daemon.loadConfig`), announces it, then runs the services
/// that need the accounts (`services`: watcher, scheduler, coordinator, …); the API beside it answers `starting`
/// until the load is done. The watches come first, so a file written at any moment after the load read it raises
/// an event that the watcher applies once it runs, and the start-up line means the folder is watched.
struct StartupLoad: Service {
    let daemon: Daemon
    let watcher: ConfigWatcher
    let announcement: StartupAnnouncement
    let services: ServiceGroup

    func run() async throws {
        try watcher.installWatches()
        let accounts = await daemon.loadConfig()
        await announcement.loaded(accounts: accounts)
        // The registry trimmed after reading the folder; scheduling and the timetable have freed more since.
        HeapTrim.releaseFreePages()
        try await services.run()
    }
}
