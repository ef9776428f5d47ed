import PostgresNIO

/// Public names for the CLI, which does not import PostgresNIO.
public typealias PostgresClientConfiguration = PostgresClient.Configuration

/// A PostgreSQL error as one line a user can act on (`PSQLError`'s own description hides the server's message).
public enum PostgresErrorText {
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
