import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

/// `/api/stats`, `/api/upcoming`, `/api/quota`, `/api/config/status` against the real server and store.
struct DashboardEndpointTests {
    static let kinds = ["shorts": ["topic": "topic.list", "script": "script.llm"]]

    static func number(_ value: ConfigValue?) -> Double? {
        switch value {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    static func harness(now: Date, dashboard: FakeDashboard, store: SQLiteStore? = nil) async throws -> APIHarness {
        var harness = try await APIHarness(store: store)
        harness.now = { now }
        harness.dashboard = dashboard
        return harness
    }

    @Test func statsCountFinishedRunsPerDayAndStepKinds() async throws {
        let harness = try await Self.harness(now: Fixtures.at(2 * 86_400), dashboard: FakeDashboard(kinds: Self.kinds))
        try await harness.run { client in
            let answer = try await client.get("/api/stats?days=7")
            #expect(answer.status == 200)
            let json = answer.json
            #expect(json["days"]?.intValue == 7)
            #expect(json["to"]?.stringValue == "2026-02-27")
            #expect(json["daily"]?.items.count == 7)
            #expect(json["daily"]?[4]?["counts"]?["succeeded"]?.intValue == 1)
            #expect(json["daily"]?[5]?["counts"]?["failed"]?.intValue == 1)
            #expect(json["totals"]?["missed"]?.intValue == 1)
            #expect(json["totals"]?["skipped"]?.intValue == 1)
            #expect(Self.number(json["success_rate"]) == 0.5)
            let steps = json["steps"]?.items ?? []
            #expect(steps.map { $0["kind"]?.stringValue } == ["script.llm", "topic.list"])
            #expect(steps.first?["failed"]?.intValue == 2)
            #expect(steps.first?["p50_ms"]?.isNull == true)
            let p50 = try #require(Self.number(steps.last?["p50_ms"]))
            #expect(abs(p50 - 1000) / 1000 <= 0.12)
        }
    }

    @Test func statsOfOneAccount() async throws {
        let harness = try await Self.harness(now: Fixtures.at(2 * 86_400), dashboard: FakeDashboard(kinds: Self.kinds))
        try await harness.run { client in
            let json = try await client.get("/api/stats?account=travel-weekly&days=90").json
            #expect(json["account"]?.stringValue == "travel-weekly")
            #expect(json["daily"]?.items.count == 90)
            #expect(json["totals"]?["missed"]?.intValue == 1)
            #expect(json["totals"]?["failed"]?.intValue == 0)
            #expect(json["success_rate"]?.isNull == true)
            #expect(json["steps"]?.items.isEmpty == true)
        }
    }

    @Test(arguments: [
        ("/api/stats?days=5", "Query parameter 'days' must be 7, 30 or 90; got '5'."),
        ("/api/stats?day=7", "Unknown query parameter 'day'; allowed: account, days."),
        ("/api/upcoming?hours=0", "Query parameter 'hours' must be an integer from 1 to 168; got '0'."),
        ("/api/upcoming?hours=169", "Query parameter 'hours' must be an integer from 1 to 168; got '169'."),
        ("/api/quota?x=1", "Unknown query parameter 'x'; allowed: ."),
    ])
    func badQueriesAre400(_ path: String, _ message: String) async throws {
        try await APIHarness().run { client in
            let answer = try await client.get(path)
            #expect(answer.status == 400)
            #expect(answer.errorMessage == message)
        }
    }

    @Test func upcomingFiresAcrossTheSpringForward() async throws {
        let schedule = UpcomingSchedule(
            accountID: "ny", name: "<b>NY</b>",
            schedule: Schedule(
                cron: try CronExpression(parsing: "30 2 * * *"), timeZone: TimeZone(identifier: "America/New_York")!))
        let now = Date(timeIntervalSince1970: 1_772_884_800)  // 2026-03-07T12:00:00Z
        let harness = try await Self.harness(now: now, dashboard: FakeDashboard(schedules: [schedule]))
        try await harness.run { client in
            let json = try await client.get("/api/upcoming?hours=48").json
            let fires = json["fires"]?.items ?? []
            #expect(
                fires.map { $0["local"]?.stringValue } == ["2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"])
            #expect(fires.map { $0["start_at"]?.stringValue } == ["2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"])
            #expect(fires.first?["dst"]?.stringValue == "moved_out_of_gap")
            #expect(fires.first?["name"]?.stringValue == "<b>NY</b>")
            #expect(json["truncated"]?.boolValue == false)
            #expect(json["channels"]?.intValue == 1)
        }
    }

    @Test func quotaShowsUsageAndTheRunsWaitingForTheReset() async throws {
        let now = Date(timeIntervalSince1970: 1_782_936_000)  // 2026-07-01T20:00:00Z = 13:00 PDT
        let store = try await Fixtures.store()
        _ = try await store.spend(9_800, project: "alpha", day: PacificDay(containing: now), budget: 10_000)
        _ = try await store.insertRun(
            RunRecord(
                id: "r-wait", accountID: "up", pipeline: "yt", trigger: .manual, status: .running, createdAt: now,
                startedAt: now))
        try await store.insertAttempt(AttemptRecord(runID: "r-wait", stepID: "upload", attempt: 1, startedAt: now))
        try await store.finishAttempt(
            runID: "r-wait", stepID: "upload", attempt: 1, status: .failed,
            failure: StepFailure(.quota, "The daily quota is used up."), result: nil, at: now)
        let plan = QuotaPlan(dailyUnits: 10_000, separateInserts: false, projects: ["up": "alpha"])
        let harness = try await Self.harness(now: now, dashboard: FakeDashboard(plan: plan), store: store)
        try await harness.run { client in
            let json = try await client.get("/api/quota").json
            #expect(json["day"]?.stringValue == "2026-07-01")
            #expect(json["reset_at"]?.stringValue == "2026-07-02T07:00:00Z")
            #expect(json["resets_in_seconds"]?.intValue == 11 * 3600)
            let alpha = json["projects"]?[0]
            #expect(alpha?["project"]?.stringValue == "alpha")
            #expect(alpha?["used"]?.intValue == 9_800)
            #expect(alpha?["remaining"]?.intValue == 200)
            #expect(alpha?["waiting_count"]?.intValue == 1)
            #expect(alpha?["waiting"]?[0]?["run_id"]?.stringValue == "r-wait")
        }
    }

    @Test func configStatusShowsTheOffendingLine() async throws {
        let bad = Diagnostic(
            .error, file: "accounts.d/b.yaml", location: SourceLocation(line: 3, column: 9), keyPath: "schedule.cron",
            "'61' is not a minute.")
        let status = ConfigStatusBuilder.build(
            paths: ["accounts.d/b.yaml"], diagnostics: [bad],
            lastGood: [
                LastGoodAccount(accountID: "b", file: "accounts.d/b.yaml", revision: "abc", reason: bad.rendered)
            ],
            revision: "abc-dirty", lastReload: nil, sourceLine: { _, _ in "  cron: 61 * * * *" })
        let harness = try await Self.harness(now: Date(), dashboard: FakeDashboard(status: status))
        try await harness.run { client in
            let json = try await client.get("/api/config/status").json
            #expect(json["commit"]?.stringValue == "abc")
            #expect(json["dirty"]?.boolValue == true)
            #expect(json["files"]?[0]?["diagnostics"]?[0]?["source_line"]?.stringValue == "  cron: 61 * * * *")
            #expect(json["files"]?[0]?["diagnostics"]?[0]?["line"]?.intValue == 3)
            #expect(json["last_good"]?[0]?["account_id"]?.stringValue == "b")
        }
    }
}
