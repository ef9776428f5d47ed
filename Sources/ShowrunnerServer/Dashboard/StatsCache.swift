import Foundation
import ShowrunnerCore

/// Keeps the statistics of finished UTC days, so a request reads only today's runs from the store. A closed day
/// does not change (a run counts on the day it finished), so it is read once: after midnight only the day that
/// just closed is read. Today is read again after `todayLifetime`. At most `maxScopes` accounts (plus "all") are
/// kept, the least recently read dropped first. Runs deleted by retention stay counted until the daemon restarts.
actor StatsCache {
    struct Entry {
        var days: ClosedRange<Int>
        var readAt: Date
        var usedAt: Date
        var rows: StatsRows
    }

    static let maxDays = 90
    static let defaultTodayLifetime: TimeInterval = 5
    let reader: any StatsReading
    let todayLifetime: TimeInterval
    let maxScopes: Int
    private var closed: [String: Entry] = [:]
    private var today: [String: Entry] = [:]
    /// The closed-day reads in flight per scope: a request that arrives during one (the warm-up at start) waits for
    /// it instead of reading the same days again.
    private var loading: [String: (days: ClosedRange<Int>, task: Task<StatsRows, any Error>)] = [:]
    /// How many requests waited for a read in flight instead of reading.
    private(set) var joined = 0

    init(reader: any StatsReading, todayLifetime: TimeInterval = defaultTodayLifetime, maxScopes: Int = 64) {
        self.reader = reader
        self.todayLifetime = todayLifetime
        self.maxScopes = maxScopes
    }

    /// The rows of `days` (which end today, at most `maxDays` long).
    func rows(days: ClosedRange<Int>, accountID: String?, now: Date) async throws -> StatsRows {
        let day = days.upperBound
        let scope = accountID ?? ""
        let past = try await closedRows((day - Self.maxDays + 1)...(day - 1), scope: scope, accountID, now)
        let current = try await todayRows(day, scope: scope, accountID, now)
        return past.appending(current).within(days)
    }

    /// Every account's closed days up to yesterday, read now (at start, in the background): the first `/stats`
    /// then costs what the later ones do.
    func warm(now: Date) async {
        let day = StatsDay.number(of: now)
        _ = try? await closedRows((day - Self.maxDays + 1)...(day - 1), scope: "", nil, now)
    }

    /// Reads only the closed days not kept yet (all of them the first time).
    private func closedRows(
        _ wanted: ClosedRange<Int>, scope: String, _ accountID: String?, _ now: Date
    ) async throws -> StatsRows {
        if var kept = closed[scope], kept.days == wanted {
            kept.usedAt = now
            closed[scope] = kept
            return kept.rows
        }
        if let load = loading[scope], load.days == wanted {
            joined += 1
            return try await load.task.value
        }
        let task = Task { [reader, kept = closed[scope]] in
            try await Self.read(wanted, kept: kept, reader: reader, accountID: accountID)
        }
        loading[scope] = (wanted, task)
        defer { if loading[scope]?.days == wanted { loading[scope] = nil } }
        let rows = try await task.value
        store(Entry(days: wanted, readAt: now, usedAt: now, rows: rows), scope: scope, in: &closed)
        return rows
    }

    /// `wanted`'s rows: those of `kept` that it covers, plus the days after them read from `reader`.
    private static func read(
        _ wanted: ClosedRange<Int>, kept: Entry?, reader: any StatsReading, accountID: String?
    ) async throws -> StatsRows {
        var rows: StatsRows
        if let kept, kept.days.lowerBound <= wanted.lowerBound, kept.days.upperBound >= wanted.lowerBound - 1,
            kept.days.upperBound <= wanted.upperBound
        {
            rows = kept.rows
            if kept.days.upperBound < wanted.upperBound {
                let missing = (kept.days.upperBound + 1)...wanted.upperBound
                rows = rows.appending(try await reader.statsRows(days: missing, accountID: accountID))
            }
        } else {
            rows = try await reader.statsRows(days: wanted, accountID: accountID)
        }
        return rows.within(wanted)
    }

    private func todayRows(_ day: Int, scope: String, _ accountID: String?, _ now: Date) async throws -> StatsRows {
        if let kept = today[scope], kept.days == day...day, now.timeIntervalSince(kept.readAt) < todayLifetime,
            now >= kept.readAt
        {
            return kept.rows
        }
        let rows = try await reader.statsRows(days: day...day, accountID: accountID)
        store(Entry(days: day...day, readAt: now, usedAt: now, rows: rows), scope: scope, in: &today)
        return rows
    }

    private func store(_ entry: Entry, scope: String, in table: inout [String: Entry]) {
        table[scope] = entry
        if table.count > maxScopes, let oldest = table.min(by: { $0.value.usedAt < $1.value.usedAt })?.key {
            table[oldest] = nil
        }
    }
}
