import ServiceLifecycle

/// Loads the config folder (`Daemon.loadConfig`), announces it, then runs the services that need the accounts
/// (`services`: watcher, scheduler, coordinator, …); the API beside it answers `starting` until the load is done.
struct StartupLoad: Service {
    let daemon: Daemon
    let announcement: StartupAnnouncement
    let services: ServiceGroup

    func run() async throws {
        let accounts = await daemon.loadConfig()
        await announcement.loaded(accounts: accounts)
        try await services.run()
    }
}
