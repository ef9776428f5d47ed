import Foundation
import ShowrunnerCore

/// Runs this node executes that were cancelled through another node's API, and the runs it claimed but had not
/// started when it stops.
extension RunClaimService {
    /// Carries out the cancel requests stored for this node's runs (told by `NOTIFY`, or found when polling).
    func takeCancelRequests() async {
        guard let cancels else { return }
        do {
            for runID in try await cancels.takeCancelRequests(ownerHost: coordinator.currentOwner().host) {
                logger.notice("cancelling a run as asked through another node", metadata: ["run.id": "\(runID)"])
                _ = try await coordinator.cancel(runID, forward: false)  // never sent back to the store
            }
        } catch {
            logger.warning("cancel requests not read", metadata: ["error": "\(error)"])
        }
    }

    /// A graceful stop: the runs claimed here but not started are given back at once (another node claims them
    /// now, not after the lease).
    func releaseClaimed() async {
        let runs = coordinator.releaseWaiting()
        guard !runs.isEmpty else { return }
        do {
            try await claims.releaseQueuedRuns(ids: runs.map(\.id), ownerHost: coordinator.currentOwner().host)
            logger.notice("released claimed runs that had not started", metadata: ["runs": "\(runs.count)"])
        } catch {
            logger.warning(
                "claimed runs not released; other nodes claim them after the lease",
                metadata: ["runs": "\(runs.count)", "error": "\(error)"])
        }
    }
}
