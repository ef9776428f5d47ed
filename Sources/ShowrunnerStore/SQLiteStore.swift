import Foundation
import GRDB
import ShowrunnerCore

/// The SQLite store (SPEC §9): runs, step attempts and account state in one file in WAL mode, shared by the daemon
/// and the CLI.
public struct SQLiteStore: RunStore, TopicStore, Sendable {
    /// How long a write waits for another process's write to finish before failing with `SQLITE_BUSY`.
    public static let busyTimeout: TimeInterval = 5

    let writer: any DatabaseWriter

    /// Opens (creating it and its folder if needed) and migrates the store at `path`.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        // GRDB's pool sets `synchronous = NORMAL` with WAL: a commit is then safe from a crash but not from a power
        // loss, which could lose a recorded fire or upload and so run or upload it twice. FULL syncs the WAL at every
        // commit (the writer's connection; readers do not write).
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try self.init(writer: pool)
    }

    /// A private in-memory store, for tests.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(configuration: configuration()))
    }

    /// The seam: any GRDB writer, migrated before use.
    init(writer: any DatabaseWriter) throws {
        try StoreSchema.migrate(writer)
        self.writer = writer
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "showrunner.store"
        return configuration
    }
}
