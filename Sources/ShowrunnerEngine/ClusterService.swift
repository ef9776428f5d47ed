import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore

/// A node of a cluster: heartbeats its row every `interval` and takes over the runs of nodes that are gone
/// (their lease — the run owner's heartbeat — is older than the probe's `staleAfter`).
public struct ClusterService: Service {
    let registry: any ClusterRegistry
    let scheduler: Scheduler
    let coordinator: RunCoordinator
    let node: @Sendable () -> ClusterNode
    let interval: Duration
    let logger: Logger

    /// `node` describes this node at each heartbeat (running runs, config revision).
    public init(
        registry: any ClusterRegistry, scheduler: Scheduler, coordinator: RunCoordinator,
        node: @escaping @Sendable () -> ClusterNode, interval: Duration = .seconds(5), logger: Logger
    ) {
        self.registry = registry
        self.scheduler = scheduler
        self.coordinator = coordinator
        self.node = node
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await beat()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One heartbeat and one takeover sweep; a database that cannot be reached is logged and tried again.
    func beat() async {
        do {
            try await registry.heartbeat(node: node())
        } catch {
            logger.warning("node heartbeat failed", metadata: ["error": "\(error)"])
            return  // a node that lost the database takes nothing over
        }
        await scheduler.takeOverAbandonedRuns()
    }
}
