import Foundation
import Testing

/// While the daemon loads its config folder, the API is up but says so: `/healthz` is 503 `starting`, the other
/// routes 503 with `Retry-After`, `/metrics` stays open; once loaded every route answers as usual.
struct StartingTests {
    @Test func whileTheConfigLoadsTheAPIAnswersStarting() async throws {
        let daemon = FakeDaemon(accounts: Fixtures.accounts)
        await daemon.setLoading(true)
        try await APIHarness(daemon: daemon).run { client in
            let health = try await client.get("/healthz")
            #expect(health.status == 503)
            #expect(health.json["status"]?.stringValue == "starting")
            #expect(health.errorMessage?.contains("config folder is still loading") == true)
            for path in ["/api/accounts", "/api/scheduler/jobs", "/api/config/status"] {
                let answer = try await client.get(path)
                #expect(answer.status == 503, "\(path)")
                #expect(answer.header("Retry-After") == "1", "\(path)")
            }
            #expect(try await client.post("/api/reload").status == 503)
            #expect(try await client.get("/metrics").status != 503)
            #expect(await daemon.calls.isEmpty)

            await daemon.setLoading(false)
            #expect(try await client.get("/healthz").status == 200)
            let accounts = try await client.get("/api/accounts")
            #expect(accounts.status == 200)
        }
    }
}
