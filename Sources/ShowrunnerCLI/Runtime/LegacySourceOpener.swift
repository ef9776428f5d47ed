import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerPostgres
import ShowrunnerSteps
import ShowrunnerStore

/// Opens the old system's database `import --db` names: a SQLAlchemy URL of SQLite (`sqlite:///app.db`) or
/// PostgreSQL (`postgresql://user:password@host/app`, `postgresql+psycopg2://…`, secret references resolved), or a
/// SQLite file path. Errors and output never show a password.
enum LegacySourceOpener {
    /// The source, and a closer for its connection.
    static func open(
        _ db: String, timeZone: TimeZone, configDirectory: URL
    ) async throws -> (any LegacyRowSource, close: @Sendable () async -> Void) {
        guard isPostgres(db) else { return (try openSQLite(db), {}) }
        let url: String
        do {
            url = postgresURL(try SecretResolver(configDirectory: configDirectory).resolveAll(in: db))
        } catch {
            throw CommandFailure("--db: \(error.message)")
        }
        do {
            var logger = Logger(label: "showrunner.import")
            logger.logLevel = .error
            let database = try await PostgresLegacyDatabase.open(url, timeZone: timeZone, logger: logger)
            return (database, { await database.close() })
        } catch let error as PostgresURLError {
            throw CommandFailure("--db: \(error)")
        } catch {
            throw CommandFailure("cannot open \(display(db)): \(PostgresErrorText.describe(error))")
        }
    }

    static func isPostgres(_ db: String) -> Bool { db.hasPrefix("postgres") }

    /// SQLAlchemy's `postgresql+driver://` as the plain `postgresql://` PostgresURL reads.
    static func postgresURL(_ url: String) -> String {
        guard let plus = url.firstIndex(of: "+"), let scheme = url.range(of: "://"), plus < scheme.lowerBound else {
            return url
        }
        return String(url[..<plus]) + String(url[scheme.lowerBound...])
    }

    /// The URL as output shows it: the password (from the user's `:` to the last `@` before the query) replaced by
    /// `***`, also when the password holds an unescaped `@` or `/`.
    static func display(_ db: String) -> String {
        guard isPostgres(db), let scheme = db.range(of: "://") else { return db }
        let beforeQuery = db[scheme.upperBound...].prefix { $0 != "?" }
        guard let at = beforeQuery.lastIndex(of: "@"), let colon = beforeQuery[..<at].firstIndex(of: ":") else {
            return db
        }
        return String(db[..<db.index(after: colon)]) + "***" + String(db[at...])
    }

    private static func openSQLite(_ db: String) throws -> LegacyDatabase {
        // SQLAlchemy's form: three slashes, then the path (four slashes for an absolute one).
        let path = db.hasPrefix("sqlite:///") ? String(db.dropFirst("sqlite:///".count)) : db
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("no database at \(path).") }
        do {
            return try LegacyDatabase(path: path)
        } catch {
            throw CommandFailure("cannot open \(path): \(error)")
        }
    }
}
