import Foundation

/// Cancelling a run that another node of a cluster executes (PostgreSQL): the request is stored for its owner,
/// which is told at once (`NOTIFY`) and also looks for requests when it polls.
public protocol RunCancelRequests: Sendable {
    /// A queued run without a live owner (none, or its heartbeat is before `staleBefore`) is cancelled at once; a
    /// queued or running run with one gets a request its owner carries out; a finished run is `notActive`.
    func requestCancel(runID: String, staleBefore: Date, at date: Date) async throws -> CancelRequestOutcome
    /// The runs `ownerHost` owns that someone asked to cancel; each request is returned once.
    func takeCancelRequests(ownerHost: String) async throws -> [String]
}

/// What `requestCancel` did.
public enum CancelRequestOutcome: Sendable, Equatable {
    /// Queued without a live owner: recorded `cancelled` now.
    case cancelledQueued
    /// Its owner is asked to cancel it.
    case requested
    /// Neither queued nor running (or no such run).
    case notActive
}
