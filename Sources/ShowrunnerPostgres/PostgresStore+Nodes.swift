import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: ClusterRegistry {
    public func heartbeat(node: ClusterNode) async throws {
        try await execute(
            """
            INSERT INTO nodes (name, owner_host, version, config_revision, capacity, running, started_at, heartbeat_at,
              labels)
            VALUES (\(node.name), \(node.owner), \(node.version), \(node.configRevision),
              \(Int32(clamping: node.capacity)), \(Int32(clamping: node.running)),
              \(node.startedAt.millisecondsSince1970), \(node.heartbeatAt.millisecondsSince1970),
              \(node.labels.joined(separator: ",")))
            ON CONFLICT (name) DO UPDATE SET owner_host = excluded.owner_host, version = excluded.version,
              config_revision = excluded.config_revision, capacity = excluded.capacity, running = excluded.running,
              started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
              labels = excluded.labels
            """)
    }

    public func nodes() async throws -> [ClusterNode] {
        try await rows(
            """
            SELECT name, owner_host, version, config_revision, capacity, running, started_at, heartbeat_at, labels
            FROM nodes ORDER BY name
            """
        ).map { row in
            let (name, owner, version, revision, capacity, running, started, heartbeat, labels) = try row.decode(
                (String, String, String, String?, Int32, Int32, Int64, Int64, String).self)
            return ClusterNode(
                name: name, owner: owner, version: version, configRevision: revision, capacity: Int(capacity),
                running: Int(running), startedAt: Date(millisecondsSince1970: started),
                heartbeatAt: Date(millisecondsSince1970: heartbeat),
                labels: labels.split(separator: ",").map(String.init))
        }
    }
}
