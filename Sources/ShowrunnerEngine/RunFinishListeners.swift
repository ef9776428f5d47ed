import ShowrunnerCore

/// Several listeners told in turn, in order (the scheduler first, then the alerts).
public struct RunFinishListeners: RunFinishListener {
    let listeners: [any RunFinishListener]

    public init(_ listeners: [any RunFinishListener]) { self.listeners = listeners }

    public func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        for listener in listeners { await listener.runFinished(run, outcome: outcome) }
    }
}
