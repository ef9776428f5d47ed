import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

/// The upcoming, quota, statistics and config pages over real HTTP: each shows the figures of its JSON route (one
/// source), as SVG charts and escaped text.
struct DashboardPagesTests {
    /// Serves the API with the dashboard (no token: loopback) over `store` and `source`.
    func serve(
        now: Date, source: FakeDashboard, store: SQLiteStore? = nil, statistics: Bool = true,
        _ body: (APIClient) async throws -> Void
    ) async throws {
        var used = store
        if used == nil { used = try await Fixtures.store() }
        guard let store = used else { return }
        let dashboard = Dashboard(
            events: LiveEventHub(), stateDirectory: FileManager.default.temporaryDirectory,
            redactor: Redactor(secrets: []),
            channelRuns: store)
        let router = makeAPI(
            control: FakeDaemon(accounts: Fixtures.accounts, cancellable: []), runs: store, prometheus: nil, token: nil,
            logger: .silent, now: { now }, dashboard: dashboard, source: source, stats: statistics ? store : nil,
            quota: statistics ? store : nil)
        try await APIHarness.serve(logger: .silent) { onRunning in
            APIServer(router: router, host: "127.0.0.1", port: 0, logger: .silent, onServerRunning: onRunning)
        } body: { port in
            let client = APIClient(port: port, token: nil)
            defer { client.session.invalidateAndCancel() }
            try await body(client)
        }
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func upcomingShowsTheTimelineAndTheFiresAcrossTheSpringForward() async throws {
        let schedule = UpcomingSchedule(
            accountID: "ny", name: "<b>NY</b>",
            schedule: Schedule(
                cron: try CronExpression(parsing: "30 2 * * *"), timeZone: TimeZone(identifier: "America/New_York")!))
        let now = Date(timeIntervalSince1970: 1_772_884_800)  // 2026-03-07T12:00:00Z
        try await serve(now: now, source: FakeDashboard(schedules: [schedule])) { client in
            let page = try await client.get("/upcoming?hours=48")
            #expect(page.status == 200)
            let json = try await client.get("/api/upcoming?hours=48").json
            let fires = json["fires"]?.items.count ?? 0
            #expect(fires == 2)
            #expect(Self.count("<circle", in: page.text) == fires)
            #expect(page.text.contains("id=\"upcoming-timeline\" class=\"chart\"><svg"))
            #expect(page.text.contains("moved out of the DST gap"))
            // 02:30 does not exist on 8 March in New York: the fire is at 03:00 EDT, the next day at 02:30 again.
            #expect(page.text.contains("2026-03-08 03:00"))
            #expect(page.text.contains("2026-03-09 02:30"))
            #expect(page.text.contains("&lt;b&gt;NY&lt;/b&gt;"))
            #expect(!page.text.contains("<b>NY</b>"))
            let tooLong = try await client.get("/upcoming?hours=500")
            #expect(tooLong.status == 400)
        }
    }

    @Test func statisticsShowTheFiguresOfTheJSONAsCharts() async throws {
        let kinds = ["shorts": ["topic": "topic.list", "script": "script.llm"]]
        try await serve(now: Fixtures.at(2 * 86_400), source: FakeDashboard(kinds: kinds)) { client in
            let json = try await client.get("/api/stats?days=30").json
            #expect(DashboardEndpointTests.number(json["success_rate"]) == 0.5)
            let page = try await client.get("/stats?days=30")
            #expect(page.status == 200)
            #expect(page.text.contains("<td id=\"success-rate\">50 %</td>"))
            for chart in ["chart-runs", "chart-steps", "chart-uploads"] {
                #expect(page.text.contains("id=\"\(chart)\"><svg"), "\(chart)")
            }
            #expect(page.text.contains("<title>2026-02-26: 1 failed</title>"))
            #expect(page.text.contains("<td>script.llm</td>"))
            #expect(page.text.contains("<strong>30 days</strong>"))
            let one = try await client.get("/stats?account=travel-weekly&days=90")
            #expect(one.text.contains("channel <strong>travel-weekly</strong>"))
            #expect(one.text.contains("<td id=\"success-rate\">—</td>"))
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
        try await serve(now: now, source: FakeDashboard(plan: plan), store: store) { client in
            let page = try await client.get("/quota")
            #expect(page.status == 200)
            #expect(page.text.contains("<tr data-project=\"alpha\"><td>alpha</td><td>9800 / 10000</td>"))
            #expect(page.text.contains("98 % used"))
            #expect(page.text.contains("href=\"/runs/r-wait\""))
            #expect(page.text.contains("Day 2026-07-01 (Pacific time)"))
        }
    }

    @Test func configShowsTheOffendingLineTheRevisionAndTheLastGoodAccount() async throws {
        let bad = Diagnostic(
            .error, file: "accounts.d/b.yaml", location: SourceLocation(line: 3, column: 9), keyPath: "schedule.cron",
            "'61' is not a minute.")
        let status = ConfigStatusBuilder.build(
            paths: ["accounts.d/a.yaml", "accounts.d/b.yaml"], diagnostics: [bad],
            lastGood: [
                LastGoodAccount(accountID: "b", file: "accounts.d/b.yaml", revision: "abc", reason: bad.rendered)
            ],
            revision: "abc-dirty", lastReload: nil, sourceLine: { _, _ in "  cron: <61> * * * *" })
        try await serve(now: Date(), source: FakeDashboard(status: status)) { client in
            let page = try await client.get("/config")
            #expect(page.status == 200)
            #expect(page.text.contains("accounts.d/b.yaml:3:9: error: schedule.cron: &#39;61&#39; is not a minute."))
            #expect(page.text.contains("<pre class=\"source\">  cron: &lt;61&gt; * * * *</pre>"))
            #expect(page.text.contains("Revision <code>abc</code> <span class=\"badge lastgood\">uncommitted"))
            #expect(page.text.contains("<table id=\"last-good\">"))
            #expect(page.text.contains("<td>accounts.d/a.yaml</td><td>valid</td>"))
        }
    }

    @Test func withoutStatisticsInTheStoreThePagesSaySoAndTheRoutesAreAbsent() async throws {
        try await serve(now: Date(), source: FakeDashboard(), statistics: false) { client in
            let stats = try await client.get("/stats")
            let quota = try await client.get("/quota")
            let statsJSON = try await client.get("/api/stats")
            let quotaJSON = try await client.get("/api/quota")
            #expect(stats.text.contains("This store keeps no statistics."))
            #expect(quota.text.contains("This store keeps no quota ledger."))
            #expect(statsJSON.status == 404)
            #expect(quotaJSON.status == 404)
        }
    }
}
