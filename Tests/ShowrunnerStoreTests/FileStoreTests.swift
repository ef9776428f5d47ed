import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The store on a real file, as the daemon and the CLI share it.
struct FileStoreTests {
    /// A fresh folder (not created yet) under the temporary directory; removed by `body`'s caller afterwards.
    static func withTemporaryPath(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("showrunner-store-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder.appendingPathComponent("state/nested/showrunner.sqlite").path)
    }

    @Test func opensInWALWithForeignKeysAndABusyTimeout() async throws {
        try await Self.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
            // Readers and the writer are separate connections: each must be set up.
            let (journal, readerKeys) = try await store.writer.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
            }
            let (writerKeys, timeout) = try await store.writer.write { db in
                (try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
            }
            #expect(journal == "wal" && readerKeys == true && writerKeys == true && timeout == 5000)
        }
    }

    /// A commit reaches the disk before it returns (SPEC §10: a recorded fire or upload survives a power loss).
    @Test func everyCommitIsSyncedToDisk() async throws {
        try await Self.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            let synchronous = try await store.writer.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            }
            #expect(synchronous == 2, "PRAGMA synchronous: 2 is FULL (GRDB's pool sets 1, NORMAL)")
        }
    }

    @Test func dataSurvivesClosingAndReopening() async throws {
        try await Self.withTemporaryPath { path in
            let run = makeRun("r1", trigger: .schedule, scheduledAt: instant(60), status: .running, owner: makeOwner())
            let attempt = AttemptRecord(
                runID: "r1", stepID: "script", attempt: 1, status: .running, startedAt: instant(61))
            do {
                let store = try SQLiteStore(path: path)
                try await insert(run, into: store)
                try await store.insertAttempt(attempt)
                try await store.markTopicUsed(
                    accountID: "cooking", list: "a.txt", topic: "Soup", runID: "r1", at: instant(1))
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.run(id: "r1") == run)
            #expect(try await reopened.attempts(runID: "r1") == [attempt])
            #expect(try await reopened.usedTopics(accountID: "cooking", list: "a.txt") == ["Soup"])
            // The fire is still taken after a restart (SPEC §10.1).
            #expect(try await !reopened.insertRun(makeRun("r2", trigger: .catchUp, scheduledAt: instant(60))))
        }
    }

    @Test func twoProcessesSharingTheFileMakeOneRunPerFire() async throws {
        try await Self.withTemporaryPath { path in
            let daemon = try SQLiteStore(path: path)
            let cli = try SQLiteStore(path: path)
            let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    let store = index.isMultiple(of: 2) ? daemon : cli
                    let run = makeRun("r\(index)", trigger: index < 10 ? .schedule : .catchUp, scheduledAt: instant(60))
                    group.addTask { try await store.insertRun(run) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(inserted == 1)
            #expect(try await cli.runs(matching: RunQuery()).count == 1)
        }
    }

    @Test func aStoreMigratedByANewerVersionIsRefused() async throws {
        try await Self.withTemporaryPath { path in
            do {
                let store = try SQLiteStore(path: path)
                try await store.writer.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
                }
            }
            #expect(throws: StoreError.newerSchema(path: path)) { try SQLiteStore(path: path) }
        }
    }
}
