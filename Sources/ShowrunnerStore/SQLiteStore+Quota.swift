import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: QuotaLedger {
    /// One conditional upsert: the units are added only when the new total fits in `budget`, so that processes
    /// sharing the store (the daemon, a CLI `trigger`) never spend past it together.
    public func spend(_ units: Int, project: String, day: PacificDay, budget: Int) async throws -> QuotaSpend {
        precondition(units >= 0, "quota units are never negative")
        let dayText = day.description
        return try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quota_usage (project, day, units) SELECT ?, ?, ? WHERE ? <= ?
                    ON CONFLICT (project, day) DO UPDATE SET units = quota_usage.units + excluded.units
                    WHERE quota_usage.units + excluded.units <= ?
                    """,
                arguments: [project, dayText, units, units, budget, budget])
            let spent = db.changesCount == 1
            let used = try Self.usage(db, project: project, day: dayText)
            let remaining = max(0, budget - used)
            return spent ? .spent(remaining: remaining) : .exceeded(remaining: remaining)
        }
    }

    public func usage(project: String, day: PacificDay) async throws -> Int {
        let dayText = day.description
        return try await writer.read { db in try Self.usage(db, project: project, day: dayText) }
    }

    public func exhaust(project: String, day: PacificDay, budget: Int) async throws {
        let dayText = day.description
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quota_usage (project, day, units) VALUES (?, ?, ?)
                    ON CONFLICT (project, day) DO UPDATE SET units = max(quota_usage.units, excluded.units)
                    """,
                arguments: [project, dayText, max(0, budget)])
        }
    }

    private static func usage(_ db: Database, project: String, day: String) throws -> Int {
        try QuotaUsageRow.filter { $0.project == project && $0.day == day }.fetchOne(db)?.units ?? 0
    }
}
