import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// The runs page's view model: a filtered page of history (channel, status, trigger, day) with a `before` cursor.
struct RunsPage {
    struct Filters: Sendable, Equatable {
        var account: String?
        var status: RunStatus?
        var trigger: RunTrigger?
        /// `YYYY-MM-DD`, a UTC day.
        var day: String?
        var before: String?

        /// Unknown values are dropped (the page shows every run instead of an error).
        init(_ value: (String) -> String?) {
            account = value("account").flatMap { $0.isEmpty ? nil : $0 }
            status = value("status").flatMap(RunStatus.init(rawValue:))
            trigger = value("trigger").flatMap(RunTrigger.init(rawValue:))
            day = value("day").flatMap { Self.dayStart($0) == nil ? nil : $0 }
            before = value("before").flatMap { $0.isEmpty ? nil : $0 }
        }

        func query(limit: Int) -> RunQuery {
            let start = day.flatMap(Self.dayStart)
            return RunQuery(
                accountID: account, status: status, limit: limit, before: before, trigger: trigger, createdFrom: start,
                createdUntil: start?.addingTimeInterval(86400))
        }

        /// The link to the page after `cursor` with these filters.
        func link(before cursor: String?) -> String {
            "/runs"
                + URLQuery.string([
                    ("account", account), ("status", status?.rawValue), ("trigger", trigger?.rawValue), ("day", day),
                    ("before", cursor),
                ])
        }

        static func dayStart(_ text: String) -> Date? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, text.count == 10 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
            guard components.isValidDate(in: calendar) else { return nil }
            return calendar.date(from: components)
        }
    }

    static let pageSize = 50
    var runs: [RunRecord]
    var zones: [String: String]
    var filters: Filters
    var next: String?
    var now: Date

    static func load(
        control: any DaemonControl, runs store: any RunHistory, filters: Filters, now: Date
    ) async throws -> RunsPage {
        var filters = filters
        if let before = filters.before, try await store.run(id: before) == nil { filters.before = nil }
        let found = try await store.runs(matching: filters.query(limit: pageSize + 1))
        let page = Array(found.prefix(pageSize))
        var zones: [String: String] = [:]
        for account in Set(page.map(\.accountID)) {  // the page's accounts only, not all 10,000 jobs
            zones[account] = await control.jobs(accountID: account).first?.timezone
        }
        return RunsPage(
            runs: page, zones: zones, filters: filters, next: found.count > pageSize ? page.last?.id : nil, now: now)
    }
}
