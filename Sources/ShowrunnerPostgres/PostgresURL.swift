import Foundation
import PostgresNIO
import ShowrunnerCore

/// Turns `store:` (a URL, or host/port/database/user/password/tls) into a `PostgresClient.Configuration`.
public enum PostgresURL {
    /// A URL whose secret references are already resolved: `postgres://user:password@host:port/database?sslmode=…`.
    /// Errors never repeat the URL (it may hold a password).
    public static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        let parts = try parts(url)
        return configuration(
            host: parts.host, port: parts.port, user: parts.user, password: parts.password, database: parts.database,
            tls: parts.tls)
    }

    /// The URL's parts (no database: the server takes the user's name).
    static func parts(_ url: String) throws -> Parts {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""), let host = components.host, !host.isEmpty
        else { throw PostgresURLError("not a PostgreSQL URL (postgres://user@host:5432/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let tls = PostgresSettings.TLS(rawValue: mode == "verify-full" ? "require" : mode) else {
            throw PostgresURLError("sslmode must be disable, prefer or require")
        }
        return Parts(
            host: host, port: components.port ?? 5432, user: components.user?.removingPercentEncoding ?? "postgres",
            password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database,
            tls: tls)
    }

    struct Parts {
        var host: String
        var port: Int
        var user: String
        var password: String?
        var database: String?
        var tls: PostgresSettings.TLS
    }

    /// One connection's configuration for `url` (a tool that reads once, like `import`, needs no pool: a refused
    /// login or a missing database is an error at once, not a pool retrying).
    public static func connectionConfiguration(_ url: String) throws -> PostgresConnection.Configuration {
        let parts = try parts(url)
        let tls: PostgresConnection.Configuration.TLS =
            switch parts.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: parts.host, port: parts.port, username: parts.user, password: parts.password,
            database: parts.database, tls: tls)
    }

    /// The parts form; `password` already resolved.
    public static func configuration(
        _ settings: PostgresSettings, password: String?
    ) throws
        -> PostgresClient.Configuration
    {
        configuration(
            host: settings.host, port: settings.port, user: settings.user, password: password,
            database: settings.database, tls: settings.tls)
    }

    static func configuration(
        host: String, port: Int, user: String, password: String?, database: String?, tls: PostgresSettings.TLS
    ) -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        return PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
    }
}

/// A `store:` URL that cannot be used; the message never holds the URL.
public struct PostgresURLError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
