import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `store:` and `node:` in showrunner.yaml.
struct StoreSettingTests {
    static func settings(_ yaml: String) -> (DaemonSettings?, [String]) {
        let document = ConfigDecoder.settings(text: yaml, path: "showrunner.yaml")
        return (document.value, document.diagnostics.map(\.rendered))
    }

    @Test(arguments: [
        ("state_dir: s\n", StoreSetting.sqlite),
        ("store: sqlite\n", .sqlite),
        (
            "store: postgres://showrunner@db:5432/showrunner?sslmode=require\n",
            .postgres(PostgresSettings(url: "postgres://showrunner@db:5432/showrunner?sslmode=require"))
        ),
        ("store: ${env:SHOWRUNNER_DATABASE_URL}\n", .postgres(PostgresSettings(url: "${env:SHOWRUNNER_DATABASE_URL}"))),
        (
            "store: { host: db, port: 6432, database: sr, user: u, password: \"${env:PGPASSWORD}\", tls: require }\n",
            .postgres(
                PostgresSettings(
                    host: "db", port: 6432, database: "sr", user: "u", password: "${env:PGPASSWORD}", tls: .require))
        ),
    ])
    func decodes(_ yaml: String, _ expected: StoreSetting) throws {
        let (settings, diagnostics) = Self.settings(yaml)
        #expect(diagnostics.isEmpty)
        #expect(try #require(settings).store == expected)
    }

    @Test(arguments: [
        ("store: mysql://db/x\n", "error: store: expected 'sqlite' or a PostgreSQL URL"),
        ("store: postgres://u:hunter2@db/x\n", "error: store: the URL holds a literal password"),
        ("store: { host: db, password: hunter2 }\n", "error: store.password: must be a secret reference"),
        ("store: { host: db, tls: maybe }\n", "error: store.tls: 'maybe' is not one of disable, prefer, require"),
        ("store: { hots: db }\n", "did you mean 'host'?"),
    ])
    func refuses(_ yaml: String, _ expected: String) {
        let (_, diagnostics) = Self.settings(yaml)
        #expect(diagnostics.contains { $0.contains(expected) }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.contains("hunter2") }, "a password must not be repeated: \(diagnostics)")
    }

    @Test func aNodeHasAName() throws {
        let (settings, _) = Self.settings("node: { name: render-1 }\n")
        #expect(try #require(settings).nodeName == "render-1")
    }
}
