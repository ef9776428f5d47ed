import Foundation
import GRDB
import ShowrunnerCore

/// The old APScheduler + SQLAlchemy system's SQLite database, opened read-only for `showrunner import`.
public struct LegacyDatabase: LegacyRowSource {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    public func firstTable(of tables: [String]) async throws -> String? {
        try await queue.read { db in try tables.first { try db.tableExists($0) } }
    }

    public func rows(of table: String) async throws -> [[String: String]] {
        try await queue.read { db in
            let columns = try db.columns(in: table).map(\.name)
            let order = columns.contains { $0.lowercased() == "id" } ? " ORDER BY id" : ""
            return try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)\(order)").map { row in
                var values: [String: String] = [:]
                for name in columns {
                    if let text = Self.text(row[name] as DatabaseValue) { values[name.lowercased()] = text }
                }
                return values
            }
        }
    }

    /// A stored value as text; nil for NULL and blobs.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .null, .blob: nil
        }
    }
}
