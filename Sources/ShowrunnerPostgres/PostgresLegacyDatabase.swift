import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore

/// The old APScheduler + SQLAlchemy system's PostgreSQL database, read (never written) for `showrunner import`:
/// every column cast to text in SQL, so the importer reads it as it reads the SQLite one. Timestamps with a time
/// zone are read as wall time in the old scheduler's zone.
public final class PostgresLegacyDatabase: LegacyRowSource {
    let connection: PostgresConnection
    let logger: Logger
    let timeZone: TimeZone

    init(connection: PostgresConnection, timeZone: TimeZone, logger: Logger) {
        self.connection = connection
        self.timeZone = timeZone
        self.logger = logger
    }

    /// Connects to `url` (secret references already resolved) with one connection; errors never hold the URL.
    public static func open(_ url: String, timeZone: TimeZone, logger: Logger) async throws -> PostgresLegacyDatabase {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresURL.connectionConfiguration(url), id: 1, logger: logger)
        let database = PostgresLegacyDatabase(connection: connection, timeZone: timeZone, logger: logger)
        do {
            _ = try await database.rows("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")  // never writes
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    public func close() async { try? await connection.close() }

    public func firstTable(of tables: [String]) async throws -> String? {
        let found = try await rows(
            """
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name::text = ANY(\(tables))
            """
        ).map { try $0.decode(String.self) }
        return tables.first { found.contains($0) }
    }

    public func rows(of table: String) async throws -> [[String: String]] {
        let columns = try await rows(
            """
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name::text = \(table) ORDER BY ordinal_position
            """
        ).map { try $0.decode((String, String).self) }
        guard !columns.isEmpty else { return [] }
        let select = columns.map { Self.textExpression($0.0, type: $0.1, zone: timeZone.identifier) }
        let order = columns.contains { $0.0.lowercased() == "id" } ? " ORDER BY \(Self.identifier("id"))" : ""
        let sql = "SELECT \(select.joined(separator: ", ")) FROM \(Self.identifier(table))\(order)"
        return try await rows(PostgresQuery(unsafeSQL: sql)).map { row in
            var values: [String: String] = [:]
            for (index, cell) in row.makeRandomAccess().enumerated() {
                if let text = try cell.decode(String?.self) { values[columns[index].0.lowercased()] = text }
            }
            return values
        }
    }

    /// The column as text: a `timestamptz` as wall time in `zone`, anything else by PostgreSQL's own text form.
    static func textExpression(_ column: String, type: String, zone: String) -> String {
        let name = identifier(column)
        guard type == "timestamp with time zone" else { return "\(name)::text" }
        let literal = "'" + zone.replacingOccurrences(of: "'", with: "''") + "'"
        return "to_char(\(name) AT TIME ZONE \(literal), 'YYYY-MM-DD HH24:MI:SS.US')"
    }

    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
        return rows
    }
}
