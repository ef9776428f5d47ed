import ShowrunnerCore

/// Told when a run is queued and of each event while it runs (the dashboard's live events).
public protocol RunActivityListener: Sendable {
    func runQueued(_ run: RunRecord)
    func runEvent(_ event: RunEvent, of run: RunRecord)
}
