import Foundation
import Logging
import Testing

@testable import ShowrunnerServer

/// Errors are `{"error":{"message":…}}` with the right status, whatever produced them.
struct ErrorHandlingTests {
    @Test func anUnknownRouteIs404WithAJSONError() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/nothing/here")
            #expect(answer.status == 404)
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(answer.errorMessage == "No route for GET /api/nothing/here.")
        }
    }

    @Test(arguments: [
        ("GET", "/api/scheduler/reload", "POST"), ("PUT", "/api/scheduler/jobs", "GET"),
        ("POST", "/api/runs/r-cook-2", "GET"), ("GET", "/api/runs/r-cook-2/cancel", "POST"),
        ("POST", "/healthz", "GET"), ("DELETE", "/api/accounts/cooking-daily", "GET"),
    ])
    func aWrongMethodIs405WithAllow(_ method: String, _ path: String, _ allowed: String) async throws {
        try await APIHarness().run { client in
            let answer = try await client.send(method, path)
            #expect(answer.status == 405)
            #expect(answer.header("Allow") == allowed)
            #expect(answer.errorMessage == "\(method) is not allowed on \(path); use \(allowed).")
        }
    }

    @Test func aBodyWhereNoneIsExpectedIsIgnored() async throws {
        let daemon = FakeDaemon(accounts: Fixtures.accounts)
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/scheduler/reload", body: Data(#"{"force": true}"#.utf8))
            #expect(answer.status == 200)
            let paused = try await client.post(
                "/api/accounts/cooking-daily/pause", body: Data(repeating: 65, count: 100_000))
            #expect(paused.status == 200)
        }
        #expect(await daemon.calls == [.reload, .pause("cooking-daily")])
    }

    @Test func anUnexpectedDaemonErrorIs500WithoutItsDetails() async throws {
        let failure = FakeDaemon.Failure(description: "database at /secret/path is locked, token=hunter2")
        let recorder = LogRecorder()
        var harness = try await APIHarness(
            daemon: FakeDaemon(accounts: Fixtures.accounts, errors: ["cooking-daily": failure]))
        harness.logger = recorder.logger
        try await harness.run { client in
            let answer = try await client.post("/api/accounts/cooking-daily/pause")
            #expect(answer.status == 500)
            #expect(answer.errorMessage == "The daemon could not answer this request; its log says why.")
            #expect(!answer.text.contains("hunter2"))
        }
        let logged = recorder.entries.first { $0.message == "HTTP request failed" }
        #expect(logged?.level == .error)
        #expect(logged?.metadata["error"] == failure.description)
    }

    @Test func eachRequestIsLoggedWithMethodPathAndStatus() async throws {
        let recorder = LogRecorder()
        var harness = try await APIHarness(token: "s3cret")
        harness.logger = recorder.logger
        try await harness.run { client in
            _ = try await client.get("/api/runs/r-nope?x=1")
            _ = try await client.get("/healthz")
            _ = try await client.get("/api/runs", authorization: .header("Bearer wrong"))
        }
        let requests = recorder.entries.filter { $0.message == "HTTP request" }
        #expect(requests.map { $0.metadata["http.method"] } == ["GET", "GET", "GET"])
        #expect(requests.map { $0.metadata["http.path"] } == ["/api/runs/r-nope", "/healthz", "/api/runs"])
        #expect(requests.map { $0.metadata["http.status"] } == ["404", "200", "401"])
        #expect(requests.map(\.level) == [.info, .debug, .info])
        #expect(requests.allSatisfy { $0.metadata["http.duration_ms"] != nil })
        #expect(recorder.entries.allSatisfy { !$0.metadata.values.contains { $0.contains("wrong") } })
    }
}
