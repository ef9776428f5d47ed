import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// The channels page's view model: one page of accounts (searched by id or name) with their schedule, recent runs
/// and badges. Only the shown page's runs are read, so it stays fast with 10,000 channels.
struct ChannelsPage {
    struct Row: Sendable {
        var id: String
        var name: String
        var type: String?
        var language: String?
        var zone: String?
        var nextFire: Date?
        /// Newest first, at most 14.
        var recent: [RunRecord]
        var videosThisWeek: Int
        var badges: [Badge]
        var paused: Bool
    }

    struct Badge: Sendable, Equatable {
        var kind: String
        var text: String
        var detail: String?
    }

    static let pageSize = 50
    static let marks = 14
    var rows: [Row]
    var search: String
    var page: Int
    var total: Int
    var now: Date

    var pageCount: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }

    static func load(
        control: any DaemonControl, runs: any RunHistory, search: String, page: Int, now: Date
    ) async throws -> ChannelsPage {
        let needle = search.lowercased()
        var seen: Set<String> = []
        let matching = await control.accountNames().filter { account in
            seen.insert(account.id).inserted
                && (needle.isEmpty || account.id.lowercased().contains(needle)
                    || (account.name?.lowercased().contains(needle) ?? false))
        }
        let pageCount = max(1, (matching.count + pageSize - 1) / pageSize)
        let page = min(max(1, page), pageCount)
        let ids = matching.dropFirst((page - 1) * pageSize).prefix(pageSize).map(\.id)
        let shown = await control.accountStatuses(ids: Array(ids))
        var rows: [Row] = []
        for account in shown {
            let job = await control.jobs(accountID: account.id).first
            rows.append(try await row(account, job: job, control: control, runs: runs, now: now))
        }
        return ChannelsPage(rows: rows, search: search, page: page, total: matching.count, now: now)
    }

    static func row(
        _ account: AccountStatus, job: SchedulerJob?, control: any DaemonControl, runs: any RunHistory, now: Date
    ) async throws -> Row {
        let recent = try await runs.runs(matching: RunQuery(accountID: account.id, limit: marks))
        let weekAgo = now.addingTimeInterval(-7 * 86400)
        // By account and creation time only (the account's index); a status filter here makes SQLite walk every
        // succeeded run of every account instead.
        let week = try await runs.runs(matching: RunQuery(accountID: account.id, limit: 1000, createdFrom: weekAgo))
        var quotaWaiting = false
        if let newest = recent.first, newest.status == .running {
            quotaWaiting = try await runs.attempts(runID: newest.id).last?.failureKind == .quota
        }
        let configured = await control.scheduledAccount(id: account.id)
        return Row(
            id: account.id, name: account.name ?? account.id, type: configured?.channel.type,
            language: configured?.channel.language, zone: job?.timezone, nextFire: job?.nextRunAt, recent: recent,
            videosThisWeek: week.count { $0.status == .succeeded },
            badges: badges(account, quotaWaiting: quotaWaiting), paused: account.paused)
    }

    /// Paused by hand or automatically, auth needed, waiting for the quota, running on the last good config.
    static func badges(_ account: AccountStatus, quotaWaiting: Bool) -> [Badge] {
        var badges: [Badge] = []
        if account.paused {
            let automatic = account.pauseReason.map { !$0.lowercased().contains("api") && !$0.isEmpty } ?? false
            badges.append(
                Badge(kind: "paused", text: automatic ? "auto-paused" : "paused", detail: account.pauseReason))
        }
        if let flag = account.authFlag { badges.append(Badge(kind: "auth", text: "auth needed", detail: flag)) }
        if quotaWaiting { badges.append(Badge(kind: "quota", text: "quota waiting", detail: nil)) }
        if !account.valid, account.scheduled {
            let reason = account.diagnostics.first { $0.severity == .error }?.rendered
            badges.append(
                Badge(
                    kind: "lastgood",
                    text: "last good config \(account.lastGoodRevision ?? "")".trimmingCharacters(
                        in: .whitespaces), detail: reason))
        }
        if !account.enabled { badges.append(Badge(kind: "disabled", text: "disabled", detail: nil)) }
        return badges
    }
}
