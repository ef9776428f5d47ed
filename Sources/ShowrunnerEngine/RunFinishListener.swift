import ShowrunnerCore

/// Told by the run coordinator when a run ended (after its outcome and the account state are recorded): the
/// scheduler's seam for metrics and auto-pause. Called within the run's own task.
public protocol RunFinishListener: Sendable {
    /// `outcome` is nil when the run was interrupted (shutdown) or could not be resumed.
    func runFinished(_ run: RunRecord, outcome: RunOutcome?) async
}
