import Foundation

/// The cluster as `GET /api/cluster` and `showrunner nodes` show it: every node with its heartbeat age, whether
/// its lease is alive, and whether its config revision differs from the one most live nodes run.
public struct ClusterView: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var node: ClusterNode
        public var heartbeatAgeSeconds: Double
        public var alive: Bool
        /// Its config revision differs from the live majority's (every node loads its own folder).
        public var staleConfig: Bool
    }

    public var store: String
    public var nodes: [Entry]

    /// `lease`: a node whose heartbeat is older is gone (its runs are taken over).
    public init(store: String, nodes: [ClusterNode], now: Date, lease: Duration) {
        self.store = store
        let leaseSeconds = Double(lease.components.seconds)
        let alive = nodes.filter { now.timeIntervalSince($0.heartbeatAt) <= leaseSeconds }
        let majority = Self.majorityRevision(alive)
        self.nodes = nodes.map { node in
            let age = max(0, now.timeIntervalSince(node.heartbeatAt))
            return Entry(
                node: node, heartbeatAgeSeconds: (age * 10).rounded() / 10, alive: age <= leaseSeconds,
                staleConfig: age <= leaseSeconds && majority.map { $0 != (node.configRevision ?? "") } == true)
        }
    }

    /// The revision most live nodes report ("" for none; ties: the greatest, so the answer is stable); nil
    /// without live nodes.
    static func majorityRevision(_ nodes: [ClusterNode]) -> String? {
        var counts: [String: Int] = [:]
        for node in nodes { counts[node.configRevision ?? "", default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}
