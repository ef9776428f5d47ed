import GRDB
import GRDBSQLite
import Synchronization

/// Checkpoints the store's write-ahead log on a connection of its own. SQLite's default checkpoints inside the
/// commit that takes the log past 1,000 frames, so that commit (the 1,000 fires of one instant, say) waited for
/// every page to be copied into the database and synced. Here the writer's commit returns at once and the same
/// passive checkpoint runs beside the writer, which goes on appending to the log.
final class WALCheckpointer: Sendable {
    /// SQLite's own threshold (`wal_autocheckpoint`): a log of this many frames or more is checkpointed.
    static let frames: Int32 = 1000

    /// Its own connection, read-write (a pool's readers cannot write the database file).
    let connection: DatabaseQueue
    private let state = Mutex(State())

    private struct State {
        var running = false
        var again = false
    }

    /// Opens the checkpointing connection and installs the writer's commit hook in place of SQLite's.
    static func install(on writer: DatabasePool, path: String) throws -> WALCheckpointer {
        var configuration = Configuration()
        configuration.label = "showrunner.store.checkpoint"
        let checkpointer = WALCheckpointer(connection: try DatabaseQueue(path: path, configuration: configuration))
        // Released never: the writer's connection may commit after the store is gone; the hook then finds no one.
        let context = Unmanaged.passRetained(HookContext(checkpointer)).toOpaque()
        writer.writeWithoutTransaction { db in
            // Replaces the hook behind `wal_autocheckpoint` (https://sqlite.org/c3ref/wal_hook.html).
            _ = sqlite3_wal_hook(db.sqliteConnection, walHook, context)
        }
        return checkpointer
    }

    private init(connection: DatabaseQueue) {
        self.connection = connection
    }

    /// Called on the writer's connection after each commit with the log's length in frames.
    func committed(frames: Int32) {
        guard frames >= Self.frames else { return }
        let start = state.withLock { state in
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        connection.asyncWriteWithoutTransaction { db in self.checkpoint(db) }
    }

    /// Passive: never waits for the writer or a reader; a reader still using old frames leaves them for the next one.
    private func checkpoint(_ db: Database) {
        repeat {
            _ = try? db.checkpoint(.passive)  // a failure (a full disk) is retried at the next commit past the limit
        } while state.withLock { state in
            if state.again {
                state.again = false
                return true
            }
            state.running = false
            return false
        }
    }
}

/// What the C hook holds: the checkpointer, weakly, so that a store that is gone is not kept alive by its writer.
private final class HookContext: @unchecked Sendable {
    weak var checkpointer: WALCheckpointer?
    init(_ checkpointer: WALCheckpointer) { self.checkpointer = checkpointer }
}

private func walHook(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ frames: Int32
) -> Int32 {
    guard let context else { return SQLITE_OK }
    Unmanaged<HookContext>.fromOpaque(context).takeUnretainedValue().checkpointer?.committed(frames: frames)
    return SQLITE_OK
}
