import ShowrunnerCore
import ShowrunnerYAML

/// Decodes `store:`: `sqlite`, a PostgreSQL URL, or `{host, port, database, user, password, tls}`.
enum StoreSettingDecoder {
    static let keys = ["host", "port", "database", "user", "password", "tls"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> StoreSetting {
        if case .scalar = node {
            guard let text = reader.string(node, at: "store") else { return .sqlite }
            if text == "sqlite" { return .sqlite }
            guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") || text.hasPrefix("${") else {
                reader.error("store", "expected 'sqlite' or a PostgreSQL URL (postgres://user@host:5432/database).")
                return .sqlite
            }
            if hasLiteralPassword(text) {
                reader.error("store", "the URL holds a literal password; use a secret reference (${env:NAME}).")
            }
            return .postgres(PostgresSettings(url: text))
        }
        guard let entries = reader.mapping(node, at: "store", known: keys) else { return .sqlite }
        var settings = PostgresSettings()
        settings.host = reader.string(entries["host"], at: "store.host") ?? settings.host
        settings.port = reader.int(entries["port"], at: "store.port", in: 1...65535) ?? settings.port
        settings.database = reader.string(entries["database"], at: "store.database") ?? settings.database
        settings.user = reader.string(entries["user"], at: "store.user") ?? settings.user
        settings.password = reader.string(entries["password"], at: "store.password")
        if let password = settings.password, !password.hasPrefix("${") {
            reader.error("store.password", "must be a secret reference such as ${env:PGPASSWORD}, not a literal.")
        }
        settings.tls = reader.choice(entries["tls"], at: "store.tls") ?? settings.tls
        return .postgres(settings)
    }

    /// `user:password@` with a password that is not a secret reference.
    static func hasLiteralPassword(_ url: String) -> Bool {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
            return false
        }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return false }
        return !userInfo[userInfo.index(after: colon)...].hasPrefix("${")
    }
}
