/// The dashboard's seam: who hears of queued runs and of each run's events.
extension RunCoordinator {
    /// Wired once, before `run()` (the daemon's live event hub).
    public func setActivityListener(_ listener: any RunActivityListener) {
        activity.withLock { $0 = listener }
    }
}
