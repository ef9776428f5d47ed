import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore

/// The PostgreSQL store: every store role over one `PostgresClient`, so that several daemons share runs, account
/// state, upload sessions and quota (docs/cluster.md). Writes to a run check its owner (the fence): a process whose
/// run was taken over by another node can no longer record anything on it.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// This process as a run owner (`host~instance`); nil: no fence (tools that do not execute runs).
    let fence: String?
    private let runner: Task<Void, Never>

    /// Starts the client's connection pool (`client.run()` in a task); call `migrate()` before use.
    public init(configuration: PostgresClient.Configuration, fence: String?, logger: Logger) {
        // The pool retries a lost connection by itself and queries throw their errors: log only what fails for good.
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        self.client = client
        self.fence = fence
        self.logger = quiet
        runner = Task { await client.run() }
    }

    /// Connects, migrates and returns the store; a server that does not answer within `timeout` is an error
    /// (the pool itself would keep retrying).
    public static func open(
        _ configuration: PostgresClient.Configuration, fence: String?, logger: Logger,
        timeout: Duration = .seconds(15)
    ) async throws -> PostgresStore {
        let store = PostgresStore(configuration: configuration, fence: fence, logger: logger)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.migrate() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw PostgresStoreError.unreachable(seconds: Int(timeout.components.seconds))
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            store.close()
            throw error
        }
        return store
    }

    /// Stops the connection pool; queries after this fail.
    public func close() { runner.cancel() }

    deinit { runner.cancel() }

    /// Every row of `query`.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await client.query(query, logger: logger) { rows.append(row) }
        return rows
    }

    /// Runs `query` and drains its result.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }

    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws); an error of `body`
    /// is thrown as it is, not wrapped.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch let error as PostgresTransactionError {
            if let thrown = error.closureError, error.rollbackError == nil { throw thrown }
            throw error
        }
    }
}

extension PostgresConnection {
    /// Every row of `query` on this connection.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await self.query(query, logger: logger) { rows.append(row) }
        return rows
    }
}
