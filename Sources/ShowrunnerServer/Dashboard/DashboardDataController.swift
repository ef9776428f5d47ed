import Foundation
import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// The dashboard's JSON: `/api/stats`, `/api/upcoming`, `/api/quota`, `/api/config/status`. `source` is nil when
/// the daemon does not provide one (then step kinds, schedules, quota plan and config status are empty).
struct DashboardDataController {
    let source: (any DashboardSource)?
    let stats: StatsCache
    let quota: any QuotaReading
    let now: @Sendable () -> Date
    /// Read again after 5 s (kinds and quota projects change on a reload) and 2 s (a pause leaves the upcoming
    /// fires within 2 s).
    let kinds = Memo<[String: [String: String]]>(lifetime: 5)
    let schedules = Memo<[UpcomingSchedule]>(lifetime: 2)
    let quotaPlan = Memo<QuotaPlan?>(lifetime: 5)

    init(
        source: (any DashboardSource)?, stats: any StatsReading, quota: any QuotaReading,
        now: @escaping @Sendable () -> Date
    ) {
        self.source = source
        self.stats = StatsCache(reader: stats)
        self.quota = quota
        self.now = now
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/stats", use: statistics)
        router.get("/api/upcoming", use: upcoming)
        router.get("/api/quota", use: quotaStatus)
        router.get("/api/config/status", use: configStatus)
    }

    @Sendable func statistics(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<StatsReport> {
        let (accountID, count) = try DashboardQuery.stats(request.uri.queryParameters)
        let date = now()
        let today = StatsDay.number(of: date)
        let days = (today - count + 1)...today
        let rows = try await stats.rows(days: days, accountID: accountID, now: date)
        let kinds = await self.kinds.value(now: date) { [source] in await source?.stepKinds() ?? [:] }
        return JSONBody(value: StatsCalculator.report(rows, days: days, account: accountID, kinds: kinds))
    }

    @Sendable func upcoming(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<UpcomingPlan> {
        let hours = try DashboardQuery.upcoming(request.uri.queryParameters)
        let from = now()
        let schedules = await self.schedules.value(now: from) { [source] in await source?.upcomingSchedules() ?? [] }
        return JSONBody(
            value: UpcomingPlanner.plan(schedules, from: from, to: from.addingTimeInterval(Double(hours) * 3600)))
    }

    @Sendable func quotaStatus(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<QuotaStatus> {
        try DashboardQuery.none(request.uri.queryParameters)
        let date = now()
        let plan =
            await quotaPlan.value(now: date) { [source] in await source?.quotaPlan() }
            ?? QuotaPlan(
                dailyUnits: ProviderSettings.Quota().dailyUnits, separateInserts: false, projects: [:])
        let usage = try await quota.quotaUsage(day: PacificDay(containing: date))
        let waiting = try await quota.runsWaitingForQuota()
        return JSONBody(value: QuotaCalculator.status(plan: plan, usage: usage, waiting: waiting, now: date))
    }

    @Sendable func configStatus(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<ConfigStatus>
    {
        try DashboardQuery.none(request.uri.queryParameters)
        guard let source else {
            return JSONBody(
                value: ConfigStatusBuilder.build(
                    paths: [], diagnostics: [], lastGood: [], revision: nil, lastReload: nil,
                    sourceLine: { _, _ in nil }))
        }
        return JSONBody(value: await source.configStatus())
    }
}
