import Foundation
import ShowrunnerCore

/// Keeps the statistics of finished UTC days, so a request reads only today's runs from the store. Closed days are
/// read again after `closedLifetime` (runs deleted by retention, a run finishing just after midnight), today after
/// `todayLifetime`; at most `maxScopes` accounts (plus "all") are kept, the least recently read dropped first.
actor StatsCache {
    struct Entry {
        var days: ClosedRange<Int>
        var readAt: Date
        var usedAt: Date
        var rows: StatsRows
    }

    static let maxDays = 90
    let reader: any StatsReading
    let closedLifetime: TimeInterval
    let todayLifetime: TimeInterval
    let maxScopes: Int
    /// Keyed by `closed/<account>` and `today/<account>` (`<account>` empty: every account).
    private var entries: [String: Entry] = [:]

    init(
        reader: any StatsReading, closedLifetime: TimeInterval = 600, todayLifetime: TimeInterval = 5,
        maxScopes: Int = 64
    ) {
        self.reader = reader
        self.closedLifetime = closedLifetime
        self.todayLifetime = todayLifetime
        self.maxScopes = maxScopes
    }

    /// The rows of `days` (which end today, at most `maxDays` long).
    func rows(days: ClosedRange<Int>, accountID: String?, now: Date) async throws -> StatsRows {
        let todayNumber = days.upperBound
        let closedDays = (todayNumber - Self.maxDays + 1)...(todayNumber - 1)
        let scope = accountID ?? ""
        let past = try await entry("closed/" + scope, days: closedDays, lifetime: closedLifetime, accountID, now)
        let current = try await entry(
            "today/" + scope, days: todayNumber...todayNumber, lifetime: todayLifetime, accountID, now)
        return past.appending(current).within(days)
    }

    private func entry(
        _ key: String, days: ClosedRange<Int>, lifetime: TimeInterval,
        _ accountID: String?, _ now: Date
    ) async throws -> StatsRows {
        if var entry = entries[key], entry.days == days, now.timeIntervalSince(entry.readAt) < lifetime {
            entry.usedAt = now
            entries[key] = entry
            return entry.rows
        }
        let rows = try await reader.statsRows(days: days, accountID: accountID)
        entries[key] = Entry(days: days, readAt: now, usedAt: now, rows: rows)
        if entries.count > 2 * maxScopes, let oldest = entries.min(by: { $0.value.usedAt < $1.value.usedAt })?.key {
            entries[oldest] = nil
        }
        return rows
    }
}
