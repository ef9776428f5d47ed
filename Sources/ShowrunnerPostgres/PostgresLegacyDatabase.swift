import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore

/// The old APScheduler + SQLAlchemy system's PostgreSQL database, read (never written) for `showrunner import`:
/// every column cast to text in SQL, so the importer reads it as it reads the SQLite one. Timestamps with a time
/// zone are read as wall time in the old scheduler's zone.
public final class PostgresLegacyDatabase: LegacyRowSource {
    let client: PostgresClient
    let logger: Logger
    let timeZone: TimeZone
    private let runner: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, timeZone: TimeZone, logger: Logger) {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        self.client = client
        self.logger = quiet
        self.timeZone = timeZone
        runner = Task { await client.run() }
    }

    /// Connects (a server that does not answer within `timeout` is an error, the pool would keep retrying).
    public static func open(
        _ configuration: PostgresClientConfiguration, timeZone: TimeZone, logger: Logger,
        timeout: Duration = .seconds(15)
    ) async throws -> PostgresLegacyDatabase {
        let database = PostgresLegacyDatabase(configuration: configuration, timeZone: timeZone, logger: logger)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await database.rows("SELECT 1") }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw PostgresStoreError.unreachable(seconds: Int(timeout.components.seconds))
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            database.close()
            throw error
        }
        return database
    }

    public func close() { runner.cancel() }

    deinit { runner.cancel() }

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
        for try await row in try await client.query(query, logger: logger) { rows.append(row) }
        return rows
    }
}
