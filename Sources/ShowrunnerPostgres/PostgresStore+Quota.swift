import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: QuotaLedger {
    /// Under the row lock of the day's usage (created at 0 first): the units are added only when the new total
    /// fits in `budget`, so N nodes never spend more than the day's budget together.
    public func spend(_ units: Int, project: String, day: PacificDay, budget: Int) async throws -> QuotaSpend {
        precondition(units >= 0, "quota units are never negative")
        let dayText = day.description
        return try await transaction { connection in
            _ = try await connection.rows(
                """
                INSERT INTO quota_usage (project, day, units) VALUES (\(project), \(dayText), 0)
                ON CONFLICT (project, day) DO NOTHING
                """, logger: logger)
            let locked = try await connection.rows(
                "SELECT units FROM quota_usage WHERE project = \(project) AND day = \(dayText) FOR UPDATE",
                logger: logger)
            let used = Int(try locked.first?.decode(Int32.self) ?? 0)
            guard used + units <= budget else { return .exceeded(remaining: max(0, budget - used)) }
            _ = try await connection.rows(
                """
                UPDATE quota_usage SET units = \(Int32(clamping: used + units))
                WHERE project = \(project) AND day = \(dayText)
                """, logger: logger)
            return .spent(remaining: max(0, budget - used - units))
        }
    }

    public func usage(project: String, day: PacificDay) async throws -> Int {
        let rows = try await rows(
            "SELECT units FROM quota_usage WHERE project = \(project) AND day = \(day.description)")
        return Int(try rows.first?.decode(Int32.self) ?? 0)
    }

    public func exhaust(project: String, day: PacificDay, budget: Int) async throws {
        try await execute(
            """
            INSERT INTO quota_usage (project, day, units) VALUES (\(project), \(day.description),
              \(Int32(clamping: max(0, budget))))
            ON CONFLICT (project, day) DO UPDATE SET units = GREATEST(quota_usage.units, excluded.units)
            """)
    }
}
