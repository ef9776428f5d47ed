import Foundation
import Testing

struct HealthControllerTests {
    static let now = Fixtures.at(1_000)

    @Test func aRecentHeartbeatIs200() async throws {
        var harness = try await APIHarness(
            daemon: FakeDaemon(heartbeat: Self.now.addingTimeInterval(-89)), token: "s3cret")
        harness.now = { Self.now }
        try await harness.run { client in
            let answer = try await client.get("/healthz", authorization: .none)
            #expect(answer.status == 200)
            #expect(
                answer.json
                    == .map(["status": .string("ok"), "heartbeat": .string(iso(Self.now.addingTimeInterval(-89)))]))
        }
    }

    @Test func aStaleHeartbeatIs503() async throws {
        var harness = try await APIHarness(daemon: FakeDaemon(heartbeat: Self.now.addingTimeInterval(-90)))
        harness.now = { Self.now }
        try await harness.run { client in
            let answer = try await client.get("/healthz")
            #expect(answer.status == 503)
            #expect(answer.json["status"]?.stringValue == "unavailable")
            #expect(answer.json["heartbeat"]?.stringValue == iso(Self.now.addingTimeInterval(-90)))
            #expect(answer.errorMessage == "The scheduler loop's last heartbeat is 90 s old (limit 90 s).")
        }
    }

    @Test func noHeartbeatYetIs503() async throws {
        try await APIHarness(daemon: FakeDaemon(heartbeat: nil)).run { client in
            let answer = try await client.get("/healthz")
            #expect(answer.status == 503)
            #expect(answer.json["heartbeat"]?.isNull == true)
            #expect(answer.errorMessage == "The scheduler loop has not reported a heartbeat yet.")
        }
    }
}

extension HealthControllerTests {
    @Test func aStoreThatRefusesWritesIs503WithItsProblem() async throws {
        let problem = "The store cannot be written (database or disk is full); 2 write(s) wait to be retried."
        var harness = try await APIHarness(daemon: FakeDaemon(heartbeat: Self.now, storeProblem: problem))
        harness.now = { Self.now }
        try await harness.run { client in
            let answer = try await client.get("/healthz")
            #expect(answer.status == 503)
            #expect(answer.json["status"]?.stringValue == "unavailable")
            #expect(answer.errorMessage == problem)
        }
    }
}
