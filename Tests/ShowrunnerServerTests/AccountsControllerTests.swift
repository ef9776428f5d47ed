import Foundation
import ShowrunnerCore
import Testing

struct AccountsControllerTests {
    @Test func listsAccountsWithStatusRevisionAndDiagnostics() async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts)).run { client in
            let answer = try await client.get("/api/accounts")
            #expect(answer.status == 200)
            let accounts = answer.json["accounts"]?.items ?? []
            #expect(accounts.map { $0["id"]?.stringValue } == ["cooking-daily", "travel-weekly"])
            let cooking = accounts[0]
            #expect(cooking["valid"]?.boolValue == false)
            #expect(cooking["scheduled"]?.boolValue == true)
            #expect(cooking["last_good_revision"]?.stringValue == "abc123")
            #expect(cooking["file"]?.stringValue == "accounts.d/cooking-daily.yaml")
            #expect(cooking["auth_flag"]?.isNull == true)
            #expect(
                cooking["diagnostics"]?[0]?["rendered"]?.stringValue
                    == "accounts.d/cooking.yaml:7:9: error: schedule.cron: day-of-month 32 is out of range 1–31.")
            #expect(accounts[1]["paused"]?.boolValue == true)
            #expect(accounts[1]["pause_reason"]?.stringValue == "paused through the API")
        }
    }

    @Test func showsOneAccountOr404() async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts)).run { client in
            let answer = try await client.get("/api/accounts/travel-weekly")
            #expect(answer.status == 200)
            #expect(answer.json["id"]?.stringValue == "travel-weekly")
            #expect(answer.json["name"]?.stringValue == "Travel-Weekly")

            let unknown = try await client.get("/api/accounts/nobody")
            #expect(unknown.status == 404)
            #expect(unknown.errorMessage == "No account with id 'nobody'.")
        }
    }

    @Test func pauseAndResumeAnswerTheAccountAsItIsNow() async throws {
        let daemon = FakeDaemon(accounts: Fixtures.accounts)
        try await APIHarness(daemon: daemon).run { client in
            let paused = try await client.post("/api/accounts/cooking-daily/pause")
            #expect(paused.status == 200)
            #expect(paused.json["id"]?.stringValue == "cooking-daily")
            #expect(paused.json["paused"]?.boolValue == true)

            let resumed = try await client.post("/api/accounts/cooking-daily/resume")
            #expect(resumed.status == 200)
            #expect(resumed.json["paused"]?.boolValue == false)
            #expect(resumed.json["pause_reason"]?.isNull == true)
        }
        #expect(await daemon.calls == [.pause("cooking-daily"), .resume("cooking-daily")])
    }

    @Test(arguments: ["pause", "resume"])
    func pauseOrResumeOfAnUnknownAccountIs404(_ action: String) async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts)).run { client in
            let answer = try await client.post("/api/accounts/nobody/\(action)")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "No account with id 'nobody'.")
        }
    }
}
