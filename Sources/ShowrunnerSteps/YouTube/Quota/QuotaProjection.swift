import Foundation
import ShowrunnerCore

/// The YouTube quota the schedules will spend: units per quota project (Google Cloud project) and Pacific day over
/// the next days, from every enabled account's fires and the `upload.youtube` steps of its pipeline, with a warning
/// for each day that goes over `daily_units`. Pure: for `validate`.
public enum QuotaProjection {
    /// One project's projected use on one Pacific day.
    public struct Day: Sendable, Equatable {
        public var project: String
        public var day: PacificDay
        /// Counted against `daily_units` (`videos.insert` only with `insert_bucket: shared`).
        public var units: Int
        /// `videos.insert` calls (the separate bucket's measure).
        public var uploads: Int
        /// Units per account.
        public var accounts: [String: Int]
    }

    /// A day that would go over the budget.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var project: String
        public var day: PacificDay
        public var units: Int
        public var budget: Int
        public var accounts: [String: Int]

        public var description: String {
            let who = accounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "YouTube quota: project '\(project)' would spend \(units) of its \(budget) daily units on \(day) "
                + "(Pacific time) (\(who)); uploads over the budget wait for the next day."
        }
    }

    public struct Result: Sendable, Equatable {
        /// By project, then day.
        public var days: [Day]
        public var warnings: [Warning]
    }

    /// The Pacific days from the one containing `from`, `days` of them; fires at or after `from` count.
    public static func project(
        _ accounts: [(account: Account, plan: Pipeline)], quota: ProviderSettings.Quota, from: Date, days: Int = 7
    ) -> Result {
        let first = PacificDay(containing: from)
        var last = first
        for _ in 1..<max(days, 1) { last = last.next }
        var totals: [String: [PacificDay: Day]] = [:]
        for (account, plan) in accounts where account.enabled {
            guard let schedule = account.schedule else { continue }
            let cost = runCost(account, plan, quota: quota)
            guard cost.units > 0 || cost.uploads > 0 else { continue }
            let project = YouTubeUploadPlan.project(of: account)
            for fire in fires(schedule, accountID: account.id, from: from, until: last.end) {
                let day = PacificDay(containing: fire)
                var entry =
                    totals[project, default: [:]][day]
                    ?? Day(project: project, day: day, units: 0, uploads: 0, accounts: [:])
                entry.units += cost.units
                entry.uploads += cost.uploads
                entry.accounts[account.id, default: 0] += cost.units
                totals[project, default: [:]][day] = entry
            }
        }
        let all = totals.sorted { $0.key < $1.key }.flatMap { $0.value.values.sorted { $0.day < $1.day } }
        let warnings = all.filter { $0.units > quota.dailyUnits }.map {
            Warning(project: $0.project, day: $0.day, units: $0.units, budget: quota.dailyUnits, accounts: $0.accounts)
        }
        return Result(days: all, warnings: warnings)
    }

    /// What one run of `plan` spends: per `upload.youtube` step, the insert (when shared), a thumbnail when one is
    /// given or wired from an ancestor's `image`, a playlist item when a playlist is configured.
    static func runCost(
        _ account: Account, _ plan: Pipeline, quota: ProviderSettings.Quota
    ) -> (units: Int, uploads: Int) {
        let graph = StepGraph(steps: plan.steps)
        var (units, uploads) = (0, 0)
        for step in plan.steps where step.uses == "upload.youtube" {
            uploads += 1
            if quota.insertBucket != "separate" { units += quota.insertCost }
            let producesImage = graph.ancestors(of: step.id).contains { id in
                plan.step(id).flatMap { StepKind.builtIn[$0.uses] }?.outputs.contains("image") == true
            }
            if step.with["thumbnail"] != nil || producesImage { units += quota.thumbnailCost }
            if step.with["playlist_id"] != nil || account.channel.youtube?.playlistID?.isEmpty == false {
                units += quota.playlistInsertCost
            }
            if case .bool(true)? = step.with["captions"] { units += quota.captionInsertCost }
        }
        return (units, uploads)
    }

    /// Fire instants (jitter included) in `[from, end)`, at most `limit`.
    static func fires(
        _ schedule: Schedule, accountID: String, from: Date, until end: Date, limit: Int = 100_000
    ) -> [Date] {
        let jitter = schedule.jitterOffset(for: accountID)
        let seconds = TimeInterval(jitter.components.seconds) + TimeInterval(jitter.components.attoseconds) / 1e18
        var result: [Date] = []
        var cursor = from.addingTimeInterval(-seconds - 0.001)
        while result.count < limit, let next = schedule.cron.nextDate(after: cursor, in: schedule.timeZone) {
            let fire = next.addingTimeInterval(seconds)
            guard fire < end else { break }
            if fire >= from { result.append(fire) }
            cursor = next
        }
        return result
    }
}
