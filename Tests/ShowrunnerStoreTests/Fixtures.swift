import Foundation
import GRDB
import ShowrunnerCore
import ShowrunnerPostgres
import Testing

@testable import ShowrunnerStore

/// Whole milliseconds after a fixed instant (2026-05-28), so that dates survive the store exactly.
func instant(_ seconds: Int64, milliseconds: Int64 = 0) -> Date {
    Date(millisecondsSince1970: 1_780_000_000_000 + seconds * 1000 + milliseconds)
}

func makeRun(
    _ id: String, account: String = "cooking", trigger: RunTrigger = .manual, scheduledAt: Date? = nil,
    status: RunStatus = .queued, createdAt: Date = instant(0), retryOf: String? = nil, owner: RunOwner? = nil
) -> RunRecord {
    RunRecord(
        id: id, accountID: account, pipeline: "shorts", trigger: trigger, scheduledAt: scheduledAt, status: status,
        configRevision: "0a1b2c3-dirty", retryOf: retryOf, createdAt: createdAt, owner: owner)
}

func makeOwner(_ host: String = "host-a", pid: Int32 = 4242, heartbeat: Int64 = 0) -> RunOwner {
    RunOwner(host: host, pid: pid, heartbeatAt: instant(heartbeat))
}

/// Inserts `runs`, failing the test if one is refused.
func insert(_ runs: RunRecord..., into store: any ShowrunnerStorage) async throws {
    for run in runs {
        let inserted = try await store.insertRun(run)
        #expect(inserted, "run \(run.id) was refused")
    }
}

/// True when `body` fails on a broken constraint (CHECK, NOT NULL, UNIQUE, FOREIGN KEY, STRICT type).
func violatesConstraint(_ store: SQLiteStore, _ body: @escaping @Sendable (Database) throws -> Void) async -> Bool {
    do {
        try await store.writer.write { db in try body(db) }
        return false
    } catch let error as DatabaseError {
        return error.resultCode == .SQLITE_CONSTRAINT
    } catch {
        return false
    }
}

/// A page of history with attempt counts, from either store.
func history(_ store: any ShowrunnerStorage, _ query: RunQuery) async throws -> [RunHistoryEntry] {
    if let sqlite = store as? SQLiteStore { return try await sqlite.history(matching: query) }
    return try await #require(store as? PostgresStore).history(matching: query)
}
