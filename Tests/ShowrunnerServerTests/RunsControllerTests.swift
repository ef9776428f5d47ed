import Foundation
import ShowrunnerCore
import Testing

struct RunsControllerTests {
    @Test func listsRunsNewestFirstWithEveryField() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/runs")
            #expect(answer.status == 200)
            let runs = answer.json["runs"]?.items ?? []
            #expect(runs.map { $0["id"]?.stringValue } == Fixtures.runIDs)
            #expect(answer.json["next"]?.isNull == true)

            let running = runs[0]
            #expect(running["account_id"]?.stringValue == "cooking-daily")
            #expect(running["trigger"]?.stringValue == "manual")
            #expect(running["scheduled_at"]?.isNull == true)
            #expect(running["owner"]?["pid"]?.intValue == 42)
            #expect(running["owner"]?["heartbeat_at"]?.stringValue == iso(Fixtures.at(90_010)))
            #expect(runs[4]["config_revision"]?.stringValue == "abc123")
            #expect(runs[4]["finished_at"]?.stringValue == iso(Fixtures.at(50)))
        }
    }

    @Test func filtersByAccountAndStatus() async throws {
        try await APIHarness().run { client in
            let travel = try await client.get("/api/runs?account=travel-weekly")
            #expect(travel.json["runs"]?.items.map { $0["id"]?.stringValue } == ["r-trav-2", "r-trav-1"])

            let failed = try await client.get("/api/runs?account=cooking-daily&status=failed")
            #expect(failed.json["runs"]?.items.map { $0["id"]?.stringValue } == ["r-cook-2"])

            let empty = try await client.get("/api/runs?account=&status=&limit=&before=")
            #expect(empty.json["runs"]?.items.count == 5)
        }
    }

    @Test func pagesFollowTheNextCursorToTheEnd() async throws {
        try await APIHarness().run { client in
            var seen: [String] = []
            var path = "/api/runs?limit=2"
            var pages = 0
            while true {
                let answer = try await client.get(path)
                #expect(answer.status == 200)
                seen += answer.json["runs"]?.items.compactMap { $0["id"]?.stringValue } ?? []
                pages += 1
                guard let next = answer.json["next"]?.stringValue else { break }
                path = "/api/runs?limit=2&before=\(next)"
            }
            #expect(seen == Fixtures.runIDs)
            #expect(pages == 3)
        }
    }

    @Test(arguments: [
        (
            "status=done",
            "Query parameter 'status' must be one of queued, running, succeeded, failed, cancelled, missed, skipped; got 'done'."
        ),
        ("limit=0", "Query parameter 'limit' must be an integer from 1 to 500; got '0'."),
        ("limit=501", "Query parameter 'limit' must be an integer from 1 to 500; got '501'."),
        ("limit=ten", "Query parameter 'limit' must be an integer from 1 to 500; got 'ten'."),
        ("before=r-nope", "Query parameter 'before' must be the id of a run; no run 'r-nope'."),
        ("acount=x", "Unknown query parameter 'acount'; allowed: account, status, limit, before."),
        ("limit=1&limit=2", "Query parameter 'limit' is given more than once; give it once."),
    ])
    func badQueryParametersAre400NamingTheParameter(_ query: String, _ message: String) async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/runs?\(query)")
            #expect(answer.status == 400)
            #expect(answer.errorMessage == message)
        }
    }

    @Test func showsARunWithStepsAttemptsOutputsAndErrors() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/runs/r-cook-2")
            #expect(answer.status == 200)
            #expect(answer.json["run"]?["status"]?.stringValue == "failed")
            #expect(answer.json["run"]?["reason"]?.stringValue == "step 'script' failed: The reply was not JSON.")
            #expect(answer.json["retried_by"]?.isNull == true)

            let steps = answer.json["steps"]?.items ?? []
            #expect(steps.map { $0["id"]?.stringValue } == ["topic", "script", "voice"])
            #expect(steps[0]["outputs"]?["title"]?.stringValue == "Pasta al limone")
            #expect(steps[1]["status"]?.stringValue == "failed")
            #expect(steps[1]["attempts"]?.intValue == 2)
            #expect(steps[1]["error"]?.stringValue == "The reply was not JSON.")
            #expect(steps[2]["status"]?.stringValue == "skipped")
            #expect(steps[2]["attempts"]?.intValue == 0)

            let attempts = answer.json["attempts"]?.items ?? []
            #expect(attempts.count == 4)
            #expect(attempts[1]["failure_kind"]?.stringValue == "transient")
            #expect(attempts[1]["error"]?.stringValue == "HTTP 503 from the LLM.")
            #expect(attempts[2]["stderr_tail"]?.stringValue == "line 1")
            #expect(attempts[0]["artifacts"]?.items == [])
            #expect(attempts[0]["started_at"]?.stringValue == iso(Fixtures.at(86_401)))
        }
    }

    @Test func anUnknownRunIs404() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/api/runs/r-nope")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "No run with id 'r-nope'.")
        }
    }
}
