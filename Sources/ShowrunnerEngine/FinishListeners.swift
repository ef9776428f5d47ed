import ShowrunnerCore

/// Tells several finish listeners, in order (the scheduler, then the live events).
public struct FinishListeners: RunFinishListener {
    let listeners: [any RunFinishListener]

    public init(_ listeners: [any RunFinishListener]) {
        self.listeners = listeners
    }

    public func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        for listener in listeners { await listener.runFinished(run, outcome: outcome) }
    }
}
