import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// The figures behind the statistics, upcoming, quota and config-status pages and their JSON routes: one source,
/// so a page and its `/api/…` answer never disagree. What is built from 10,000 accounts is kept per schedule
/// generation (a reload, pause or resume starts a new one) for a short while: the upcoming plan (30 s, the fires
/// that started since dropped), the config status (5 s: a git commit alone is no reload), the step kinds and the
/// quota plan (5 s).
struct DashboardData: Sendable {
    let source: (any DashboardSource)?
    /// nil: the store keeps no statistics (the routes answer 404, the page says so).
    let stats: StatsCache?
    let quota: (any QuotaReading)?
    let now: @Sendable () -> Date
    /// Step kinds and quota projects change on a reload only.
    let kinds = Memo<[String: [String: String]]>(lifetime: 5)
    let quotaPlan = Memo<QuotaPlan?>(lifetime: 5)
    let plans = GenerationCache<Int, UpcomingPlan>(lifetime: 30)
    let config = GenerationCache<Int, ConfigStatus>(lifetime: 5)
    /// A report is kept as long as the statistics cache keeps today's rows (5 s): computing 90 days of step
    /// buckets costs more than reading them.
    let reports = ReportCache<StatsKey, StatsReport>(lifetime: StatsCache.defaultTodayLifetime)

    struct StatsKey: Hashable, Sendable {
        var accountID: String?
        var days: Int
        var today: Int
    }

    init(
        source: (any DashboardSource)?, stats: (any StatsReading)?, quota: (any QuotaReading)?,
        now: @escaping @Sendable () -> Date
    ) {
        self.source = source
        self.stats = stats.map { StatsCache(reader: $0) }
        self.quota = quota
        self.now = now
    }

    /// `days` days ending today (UTC), for one account or all; nil without a statistics store.
    func statistics(accountID: String?, days count: Int) async throws -> StatsReport? {
        guard let stats else { return nil }
        let date = now()
        let today = StatsDay.number(of: date)
        let days = (today - count + 1)...today
        let key = StatsKey(accountID: accountID, days: count, today: today)
        if let kept = await reports.kept(key, now: date) { return kept }
        let rows = try await stats.rows(days: days, accountID: accountID, now: date)
        let kinds = await self.kinds.value(now: date) { [source] in await source?.stepKinds() ?? [:] }
        let report = StatsCalculator.report(rows, days: days, account: accountID, kinds: kinds)
        await reports.keep(report, for: key, now: date)
        return report
    }

    /// What the first requests would otherwise compute: every account's closed days of statistics, then the
    /// upcoming plans and the config status.
    func warm() async {
        await stats?.warm(now: now())
        for hours in [24, 168] { _ = await upcoming(hours: hours) }
        _ = await configStatus()
    }

    /// The fires of the next `hours` hours across channels.
    func upcoming(hours: Int) async -> UpcomingPlan {
        let from = now()
        let generation = await source?.scheduleGeneration()
        let (plan, _) = await plans.value(hours, generation: generation, now: from) { [source] in
            let schedules = await source?.upcomingSchedules() ?? []
            return UpcomingPlanner.plan(schedules, from: from, to: from.addingTimeInterval(Double(hours) * 3600))
        }
        return Self.trimmed(plan, from: from)
    }

    /// `plan` as seen from `from`: the fires that started before it dropped. The window keeps its end (the plan
    /// knows nothing later), so a kept plan's window is up to its age shorter than asked.
    static func trimmed(_ plan: UpcomingPlan, from: Date) -> UpcomingPlan {
        guard from > plan.from else { return plan }
        var trimmed = plan
        trimmed.from = from
        trimmed.fires.removeAll { $0.startAt < from }
        return trimmed
    }

    /// Today's quota per Google project; nil without a quota ledger.
    func quotaStatus() async throws -> QuotaStatus? {
        guard let quota else { return nil }
        let date = now()
        let plan =
            await quotaPlan.value(now: date) { [source] in await source?.quotaPlan() }
            ?? QuotaPlan(dailyUnits: ProviderSettings.Quota().dailyUnits, separateInserts: false, projects: [:])
        let usage = try await quota.quotaUsage(day: PacificDay(containing: date))
        let waiting = try await quota.runsWaitingForQuota()
        return QuotaCalculator.status(plan: plan, usage: usage, waiting: waiting, now: date)
    }

    func configStatus() async -> ConfigStatus {
        guard let source else {
            return ConfigStatusBuilder.build(
                paths: [], diagnostics: [], lastGood: [], revision: nil, lastReload: nil, sourceLine: { _, _ in nil })
        }
        let generation = await source.scheduleGeneration()
        return await config.value(0, generation: generation, now: now()) { await source.configStatus() }.value
    }
}
