import Testing

@testable import ShowrunnerCLI

/// How `import --db` URLs appear in output and errors: never with their password.
struct LegacySourceOpenerTests {
    @Test(arguments: [
        ("postgresql://app:hunter2@db/app", "postgresql://app:***@db/app"),
        (
            "postgresql+psycopg2://app:p@ss/w0rd@db:5433/app?sslmode=require",
            "postgresql+psycopg2://app:***@db:5433/app?sslmode=require"
        ),
        ("postgres://app@db/app", "postgres://app@db/app"),
        ("postgresql://app:${env:PW}@db/app", "postgresql://app:***@db/app"),
        ("sqlite:////srv/old/app.db", "sqlite:////srv/old/app.db"),
    ])
    func passwordsAreMasked(_ url: String, _ shown: String) {
        #expect(LegacySourceOpener.display(url) == shown)
    }

    @Test(arguments: [
        ("postgresql+psycopg2://u@h/d", "postgresql://u@h/d"), ("postgres://u@h/d", "postgres://u@h/d"),
    ])
    func sqlalchemyDriverNamesAreDropped(_ url: String, _ plain: String) {
        #expect(LegacySourceOpener.postgresURL(url) == plain)
    }
}
