import Foundation
import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// `/api/cluster`: the nodes sharing the store, their heartbeat age, capacity and config revision (a node whose
/// revision differs from the others is flagged). A SQLite daemon is a cluster of none: `{"store":"sqlite"}`.
struct ClusterController {
    let control: any DaemonControl

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/cluster", use: cluster)
    }

    @Sendable func cluster(_ request: Request, context: BasicRequestContext) async throws -> ClusterDTO {
        ClusterDTO(
            view: try await control.cluster() ?? ClusterView(store: "sqlite", nodes: [], now: Date(), lease: .zero))
    }
}

/// `{"store":"postgres","nodes":[{"name":…,"alive":true,"heartbeat_age_s":1.2,"stale_config":false,…}]}`.
struct ClusterDTO: ResponseEncodable {
    let view: ClusterView

    enum CodingKeys: String, CodingKey { case store, nodes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(view.store, forKey: .store)
        try container.encode(view.nodes.map(NodeDTO.init), forKey: .nodes)
    }
}

/// One node of `/api/cluster`.
struct NodeDTO: Encodable {
    let entry: ClusterView.Entry

    enum CodingKeys: String, CodingKey {
        case name, owner, version, capacity, running, alive, labels
        case configRevision = "config_revision"
        case heartbeatAt = "heartbeat_at"
        case heartbeatAge = "heartbeat_age_s"
        case staleConfig = "stale_config"
        case startedAt = "started_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let node = entry.node
        try container.encode(node.name, forKey: .name)
        try container.encode(node.owner, forKey: .owner)
        try container.encode(node.version, forKey: .version)
        try container.encode(node.labels, forKey: .labels)
        try container.encode(node.configRevision, forKey: .configRevision)
        try container.encode(node.capacity, forKey: .capacity)
        try container.encode(node.running, forKey: .running)
        try container.encode(node.startedAt, forKey: .startedAt)
        try container.encode(node.heartbeatAt, forKey: .heartbeatAt)
        try container.encode(entry.heartbeatAgeSeconds, forKey: .heartbeatAge)
        try container.encode(entry.alive, forKey: .alive)
        try container.encode(entry.staleConfig, forKey: .staleConfig)
    }
}
