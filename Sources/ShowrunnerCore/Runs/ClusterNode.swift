import Foundation

/// One daemon of a cluster as the shared store sees it (`GET /api/cluster`, `showrunner nodes`).
public struct ClusterNode: Sendable, Equatable, Codable {
    public var name: String
    /// The process (`host~instance`) that last heartbeat under this name.
    public var owner: String
    public var version: String
    public var configRevision: String?
    public var capacity: Int
    public var running: Int
    public var startedAt: Date
    public var heartbeatAt: Date
    /// `node: { labels }` (accounts' `runs_on:`).
    public var labels: [String] = []

    public init(
        name: String, owner: String, version: String, configRevision: String?, capacity: Int, running: Int,
        startedAt: Date, heartbeatAt: Date, labels: [String] = []
    ) {
        self.labels = labels
        self.name = name
        self.owner = owner
        self.version = version
        self.configRevision = configRevision
        self.capacity = capacity
        self.running = running
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
    }
}

/// Where nodes record that they are alive (the PostgreSQL store; a SQLite store is a cluster of one).
public protocol ClusterRegistry: Sendable {
    /// Inserts or refreshes this node's row.
    func heartbeat(node: ClusterNode) async throws
    /// Every node that ever heartbeat, by name.
    func nodes() async throws -> [ClusterNode]
}
