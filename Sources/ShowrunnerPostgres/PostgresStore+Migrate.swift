import Foundation
import PostgresNIO
import ShowrunnerStore

extension PostgresStore {
    /// The advisory lock key that serializes migrations of nodes starting together.
    static let migrationLock: Int64 = 0x5348_4F57_5255_4E00

    /// Applies the migrations this database lacks, each in one transaction, under an advisory lock; refuses a
    /// database migrated by a newer version.
    public func migrate() async throws {
        try await transaction { connection in
            _ = try await connection.rows("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            _ = try await connection.rows(
                """
                CREATE TABLE IF NOT EXISTS showrunner_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)
                """, logger: logger)
            let applied = try await connection.rows("SELECT version FROM showrunner_migrations", logger: logger)
                .map { try $0.decode(String.self) }
            let known = Set(PostgresSchema.migrations.map(\.0))
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw PostgresStoreError.newerSchema(version: unknown)
            }
            for (version, statements) in PostgresSchema.migrations where !applied.contains(version) {
                for statement in statements {
                    _ = try await connection.rows(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let now = Date().millisecondsSince1970
                _ = try await connection.rows(
                    "INSERT INTO showrunner_migrations (version, applied_at) VALUES (\(version), \(now))",
                    logger: logger)
            }
        }
    }
}

extension PostgresStore {
    /// Creates a schema (tests give each store a schema of its own through `search_path`).
    public func createSchema(_ name: String) async throws {
        try await execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(Self.identifier(name))"))
    }

    /// A quoted SQL identifier.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension PostgresStore {
    /// The schema this store's connections use (the first of `search_path`).
    public func currentSchema() async throws -> String {
        try await rows("SELECT current_schema()").first?.decode(String.self) ?? "public"
    }

    /// Marks a migration this version does not know as applied (tests of the newer-schema refusal).
    public func recordFutureMigration(_ version: String) async throws {
        try await execute("INSERT INTO showrunner_migrations (version, applied_at) VALUES (\(version), 0)")
    }
}
