import Foundation
import ShowrunnerCore
import Testing

/// `GET /api/cluster`: a SQLite daemon is no cluster; the document lists the route.
struct ClusterControllerTests {
    @Test func aSQLiteDaemonAnswersAnEmptyCluster() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/cluster")
            #expect(answer.status == 200)
            #expect(answer.json == .map(["store": .string("sqlite"), "nodes": .list([])]))
        }
    }
}
