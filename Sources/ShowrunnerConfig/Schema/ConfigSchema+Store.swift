import ShowrunnerCore

/// `store:` and `node:` of `showrunner.yaml` (docs/cluster.md).
extension ConfigSchema {
    static var store: SchemaNode {
        .either(
            description: "Where runs are recorded: sqlite (default) or a PostgreSQL server shared by a cluster.",
            [
                .text(
                    description: "sqlite, or a PostgreSQL URL (postgres://user@host:5432/db); "
                        + "a password only as a secret reference."),
                .object(
                    description: "PostgreSQL by its parts.", keys: StoreSettingDecoder.keys,
                    fields: [
                        "host": .text(description: "Server host (default localhost)."),
                        "port": .integer(description: "Server port (default 5432).", range: 1...65535),
                        "database": .text(description: "Database (default showrunner)."),
                        "user": .text(description: "User (default showrunner)."),
                        "password": .text(description: "Secret reference to the password, e.g. ${env:PGPASSWORD}."),
                        "tls": .choice(
                            description: "TLS to the server (default prefer).",
                            values: PostgresSettings.TLS.allCases.map(\.rawValue)),
                    ]),
            ])
    }

    static var node: SchemaNode {
        .object(
            description: "This daemon in a cluster.", keys: ["name", "labels"],
            fields: [
                "name": .text(description: "Its name in /api/cluster (default: the host name)."),
                "labels": labels("What this node offers, e.g. [gpu, eu]: accounts' runs_on."),
            ])
    }

    /// A list of labels (`node.labels`, an account's `runs_on`).
    static func labels(_ description: String) -> SchemaNode {
        .list(description: description, items: .text(description: "A label: a-z, 0-9, '-', '_', '.'."))
    }
}
