/// `store:` in showrunner.yaml: where runs, account state, uploads and quota live.
public enum StoreSetting: Sendable, Hashable {
    /// `STATE/showrunner.sqlite` (the default): one daemon, embedded.
    case sqlite
    /// A PostgreSQL server shared by every node of a cluster (docs/cluster.md).
    case postgres(PostgresSettings)
}

/// How to reach PostgreSQL: a URL (`postgres://user@host:5432/db?sslmode=require`, secret references allowed in
/// it) or its parts; the password is a secret reference (`${env:NAME}`, `${file:path}`), never a literal.
public struct PostgresSettings: Sendable, Hashable {
    public enum TLS: String, Sendable, Hashable, CaseIterable { case disable, prefer, require }

    /// Set when the setting was a URL; the parts below are then unused.
    public var url: String?
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var password: String?
    public var tls: TLS

    public init(
        url: String? = nil, host: String = "localhost", port: Int = 5432, database: String = "showrunner",
        user: String = "showrunner", password: String? = nil, tls: TLS = .prefer
    ) {
        self.url = url
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.tls = tls
    }
}
