import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import Testing

@testable import ShowrunnerServer

struct JobsControllerTests {
    @Test func listsJobsWithTheirAccountsNewestRun() async throws {
        let harness = try await APIHarness(daemon: FakeDaemon(jobs: try Fixtures.jobs()))
        try await harness.run { client in
            let answer = try await client.get("/api/scheduler/jobs")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            let jobs = answer.json["jobs"]?.items ?? []
            #expect(jobs.map { $0["id"]?.stringValue } == ["cooking-daily", "travel-weekly", "fresh"])

            let cooking = jobs[0]
            #expect(cooking["account_id"]?.stringValue == "cooking-daily")
            #expect(cooking["cron"]?.stringValue == "0 9 * * MON-FRI")
            #expect(cooking["timezone"]?.stringValue == "Asia/Seoul")
            #expect(cooking["next_run_at"]?.stringValue == iso(Fixtures.at(100_000)))
            #expect(cooking["paused"]?.boolValue == false)
            #expect(cooking["last_run"]?["id"]?.stringValue == "r-cook-3")
            #expect(cooking["last_run"]?["status"]?.stringValue == "running")
            #expect(cooking["last_run"]?["created_at"]?.stringValue == iso(Fixtures.at(90_000)))
            #expect(cooking["last_run"]?["finished_at"]?.isNull == true)

            #expect(jobs[1]["paused"]?.boolValue == true)
            #expect(jobs[1]["next_run_at"]?.isNull == true)
            #expect(jobs[1]["last_run"]?["id"]?.stringValue == "r-trav-2")
            #expect(jobs[2]["last_run"]?.isNull == true)
        }
    }

    @Test func listsOneAccountsJobOnRequest() async throws {
        let harness = try await APIHarness(daemon: FakeDaemon(jobs: try Fixtures.jobs()))
        try await harness.run { client in
            let one = try await client.get("/api/scheduler/jobs?account=travel-weekly")
            #expect(one.status == 200)
            #expect(one.json["jobs"]?.items.map { $0["id"]?.stringValue } == ["travel-weekly"])
            let none = try await client.get("/api/scheduler/jobs?account=nobody")
            #expect(none.json["jobs"]?.items.isEmpty == true)
            let bad = try await client.get("/api/scheduler/jobs?acount=travel-weekly")
            #expect(bad.status == 400)
            #expect(bad.json["error"]?["message"]?.stringValue?.contains("allowed: account") == true)
        }
    }

    @Test func reloadAnswersTheReport() async throws {
        let report = ReloadReport(
            applied: ["cooking-daily"], unchanged: ["travel-weekly"], removed: ["old"], errors: [Fixtures.badCron])
        let daemon = FakeDaemon(report: report)
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/scheduler/reload")
            #expect(answer.status == 200)
            #expect(answer.json["applied"]?.items == [.string("cooking-daily")])
            #expect(answer.json["unchanged"]?.items == [.string("travel-weekly")])
            #expect(answer.json["removed"]?.items == [.string("old")])
            let error = answer.json["errors"]?[0]
            #expect(error?["file"]?.stringValue == "accounts.d/cooking.yaml")
            #expect(error?["line"]?.intValue == 7)
            #expect(error?["column"]?.intValue == 9)
            #expect(error?["key_path"]?.stringValue == "schedule.cron")
            #expect(error?["severity"]?.stringValue == "error")
        }
        #expect(await daemon.calls == [.reload])
    }

    @Test func triggerStartsARunAndAnswers202WithItsID() async throws {
        let daemon = FakeDaemon(accounts: Fixtures.accounts)
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/scheduler/trigger/cooking-daily")
            #expect(answer.status == 202)
            #expect(answer.json == .map(["run_id": .string("manual-cooking-daily")]))
        }
        #expect(await daemon.calls == [.trigger("cooking-daily")])
    }

    @Test func triggerOfAnUnknownAccountIs404() async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts)).run { client in
            let answer = try await client.post("/api/scheduler/trigger/nobody")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "No account with id 'nobody'.")
        }
    }

    @Test func triggerRefusedByTheLauncherIs409WithItsMessage() async throws {
        let refusal = RunRefusal.fireAlreadyRecorded("r-cook-3")
        let daemon = FakeDaemon(accounts: Fixtures.accounts, errors: ["cooking-daily": refusal])
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/scheduler/trigger/cooking-daily")
            #expect(answer.status == 409)
            #expect(answer.errorMessage == refusal.description)
        }
    }

    @Test func deletingAJobAnswers204ThenUnknownIs404() async throws {
        let daemon = FakeDaemon(jobs: try Fixtures.jobs())
        try await APIHarness(daemon: daemon).run { client in
            let removed = try await client.delete("/api/scheduler/jobs/fresh")
            #expect(removed.status == 204)
            #expect(removed.body.isEmpty)

            let again = try await client.delete("/api/scheduler/jobs/fresh")
            #expect(again.status == 404)
            #expect(again.errorMessage == "No scheduled job with id 'fresh'.")
        }
        #expect(await daemon.calls == [.removeJob("fresh"), .removeJob("fresh")])
    }
}

/// ISO 8601 as the API writes dates (UTC, whole seconds).
func iso(_ date: Date) -> String {
    date.formatted(.iso8601)
}
