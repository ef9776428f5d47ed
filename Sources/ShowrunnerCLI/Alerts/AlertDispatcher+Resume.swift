import Foundation
import ShowrunnerCore

extension AlertDispatcher {
    /// At start and then every `sweepEvery`: takes over the pending deliveries another process left behind (this
    /// daemon before a stop or a kill, or a node of the cluster that died) and queues them.
    func sweepPending() async {
        while !Task.isCancelled {
            await resumePending()
            do { try await Task.sleep(for: policy.sweepEvery) } catch { return }
        }
    }

    /// Claims the stale pending deliveries and queues each for its receiver, found by name in the current config
    /// (wherever its URL points now); one whose receiver is gone, or now wants another format, is abandoned.
    func resumePending() async {
        let current = now()
        let claimed: [AlertDelivery]
        do {
            claimed = try await log.claimPendingDeliveries(
                owner: owner, untouchedSince: current.addingTimeInterval(-policy.takeOverAfter.seconds), now: current)
        } catch {
            logger.error("cannot read pending alert deliveries", metadata: ["error": "\(error)"])
            return
        }
        for var delivery in claimed {
            delivery.owner = owner
            let name = delivery.receiver ?? ""
            let target = (global + (delivery.accountID.map(targets) ?? [])).first { $0.receiverName == name }
            if let target, target.format == delivery.format {
                logger.info("resending a pending alert", metadata: ["event": "\(delivery.event.rawValue)"])
                sink.yield(.resumed(delivery, target))
                continue
            }
            delivery.status = .abandoned
            delivery.updatedAt = current
            delivery.lastError =
                target.map { "not resent: receiver '\(name)' now takes \($0.format.rawValue) messages" }
                ?? "not resent: no receiver named '\(name)' in the config any more"
            await record(delivery)
        }
    }
}
