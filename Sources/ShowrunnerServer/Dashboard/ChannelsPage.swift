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

    /// `names`: the search index when the caller keeps one. `batch`: the store's one-transaction read of the page's
    /// runs; without it each row reads its own.
    static func load(
        control: any DaemonControl, runs: any RunHistory, names: [ChannelSearch.Entry]? = nil,
        batch: (any ChannelRunsReading)?, search: String, page: Int, now: Date
    ) async throws -> ChannelsPage {
        var index = names ?? []
        if names == nil { index = ChannelSearch.entries(await control.accountNames()) }
        let matching = ChannelSearch.matching(index, search)
        let pageCount = max(1, (matching.count + pageSize - 1) / pageSize)
        let page = min(max(1, page), pageCount)
        let ids = Array(matching.dropFirst((page - 1) * pageSize).prefix(pageSize).map(\.id))
        let shown = await control.accountStatuses(ids: ids)
        let weekAgo = now.addingTimeInterval(-7 * 86400)
        let batched = try await batch?.channelRuns(accountIDs: ids, recent: marks, since: weekAgo)
        var rows: [Row] = []
        for account in shown {
            let job = await control.jobs(accountID: account.id).first
            var history = batched?[account.id]
            if history == nil { history = try await channelRuns(account.id, runs: runs, since: weekAgo) }
            guard let history else { continue }
            rows.append(try await row(account, job: job, history: history, control: control, runs: runs))
        }
        return ChannelsPage(rows: rows, search: search, page: page, total: matching.count, now: now)
    }

    /// One account's runs from the history, for a store without `ChannelRunsReading`.
    static func channelRuns(_ accountID: String, runs: any RunHistory, since: Date) async throws -> ChannelRuns {
        let recent = try await runs.runs(matching: RunQuery(accountID: accountID, limit: marks))
        // By account and creation time only (the account's index); a status filter here makes SQLite walk every
        // succeeded run of every account instead.
        let week = try await runs.runs(matching: RunQuery(accountID: accountID, limit: 1000, createdFrom: since))
        return ChannelRuns(recent: recent, succeededSince: week.count { $0.status == .succeeded })
    }

    static func row(
        _ account: AccountStatus, job: SchedulerJob?, history: ChannelRuns, control: any DaemonControl,
        runs: any RunHistory
    ) async throws -> Row {
        var quotaWaiting = false
        if let newest = history.recent.first, newest.status == .running {
            quotaWaiting = try await runs.attempts(runID: newest.id).last?.failureKind == .quota
        }
        let configured = await control.scheduledAccount(id: account.id)
        return Row(
            id: account.id, name: account.name ?? account.id, type: configured?.channel.type,
            language: configured?.channel.language, zone: job?.timezone, nextFire: job?.nextRunAt,
            recent: history.recent, videosThisWeek: history.succeededSince,
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
