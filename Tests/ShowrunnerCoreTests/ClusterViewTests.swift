import Foundation
import ShowrunnerCore
import Testing

/// `GET /api/cluster` and `showrunner nodes`: alive within the lease, a live node on another revision flagged.
struct ClusterViewTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func node(_ name: String, revision: String?, age: TimeInterval) -> ClusterNode {
        ClusterNode(
            name: name, owner: "\(name)~1", version: "0.1.0", configRevision: revision, capacity: 4, running: 1,
            startedAt: now.addingTimeInterval(-600), heartbeatAt: now.addingTimeInterval(-age))
    }

    @Test(arguments: [
        // (revisions and ages of three nodes, expected alive, expected stale)
        ([("a", 1.0), ("a", 2.0), ("b", 3.0)], [true, true, true], [false, false, true]),
        ([("a", 1.0), ("b", 40.0), ("b", 50.0)], [true, false, false], [false, false, false]),
        ([("a", 1.0), ("a", 2.0), ("a", 30.0)], [true, true, true], [false, false, false]),
        ([("a", 31.0), ("b", 31.0), ("c", 99.0)], [false, false, false], [false, false, false]),
    ])
    func flagsNodes(_ nodes: [(String, Double)], _ alive: [Bool], _ stale: [Bool]) {
        let view = ClusterView(
            store: "postgres",
            nodes: nodes.enumerated().map { Self.node("n\($0.offset)", revision: $0.element.0, age: $0.element.1) },
            now: Self.now, lease: .seconds(30))
        #expect(view.nodes.map(\.alive) == alive)
        #expect(view.nodes.map(\.staleConfig) == stale)
    }

    @Test func aNodeWithoutRevisionDiffersFromOnesWithOne() {
        let view = ClusterView(
            store: "postgres",
            nodes: [
                Self.node("n1", revision: "a", age: 1), Self.node("n2", revision: "a", age: 1),
                Self.node("n3", revision: nil, age: 1),
            ],
            now: Self.now, lease: .seconds(30))
        #expect(view.nodes.map(\.staleConfig) == [false, false, true])
        #expect(view.nodes.map(\.heartbeatAgeSeconds) == [1, 1, 1])
    }
}
