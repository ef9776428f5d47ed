import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Several fires of one instant are recorded in `fire_journal` and moved into `runs` by the next write
/// (`SQLiteStore+FireJournal`): each is in exactly one of the two tables, readable by id, and never lost.
struct FireJournalTests {
    static func fires(_ count: Int, at seconds: Int64 = 60, prefix: String = "f") -> [RunRecord] {
        (0..<count).map {
            makeRun("\(prefix)\($0)", account: "a\($0)", trigger: .schedule, scheduledAt: instant(seconds))
        }
    }

    @Test func theFiresAreRunsBeforeTheRunsNextWrite() async throws {
        try await FileStoreTests.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            let batch = Self.fires(50)
            #expect(try await store.insertRuns(batch) == Array(repeating: true, count: 50))
            for run in batch { #expect(try await store.run(id: run.id) == run) }
            // The run's own first write comes after the move on the one writer.
            try await store.markRunning(ids: batch.map(\.id), owner: makeOwner(), at: instant(61))
            #expect(try await store.runs(matching: RunQuery()).count == 50)
            #expect(try await Self.journalCount(store) == 0)
        }
    }

    /// The process died between the journal's commit and the move: the fires are `queued` runs once the store
    /// opens again, and their fires are still taken.
    @Test func firesJournaledBeforeACrashAreQueuedRunsAfterIt() async throws {
        try await FileStoreTests.withTemporaryPath { path in
            let batch = Self.fires(3)
            _ = try SQLiteStore(path: path)
            try await Self.journalWithoutMoving(batch, path: path)
            let reopened = try SQLiteStore(path: path)
            #expect(try await Self.journalCount(reopened) == 0)
            #expect(try await reopened.runs(matching: RunQuery()).sorted { $0.id < $1.id } == batch)
            let again = Self.fires(3, prefix: "g")
            #expect(try await reopened.insertRuns(again) == [false, false, false])
        }
    }

    @Test func aFireThatHasARunIsRefusedAndTheOthersRecorded() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.insertRun(makeRun("old", account: "a1", trigger: .catchUp, scheduledAt: instant(60)))
        #expect(try await store.insertRuns(Self.fires(3)) == [true, false, true])
        #expect(try await store.runs(matching: RunQuery()).map(\.id).sorted() == ["f0", "f2", "old"])
    }

    @Test(arguments: [
        [
            makeRun("x", account: "a", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("x", account: "b", trigger: .schedule, scheduledAt: instant(60)),
        ],
        [
            makeRun("taken", account: "a", trigger: .schedule, scheduledAt: instant(60)),
            makeRun("new", account: "b", trigger: .schedule, scheduledAt: instant(60)),
        ],
    ])
    func aDuplicateIDFailsTheBatchAndRecordsNothing(_ batch: [RunRecord]) async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.insertRun(makeRun("taken", account: "other"))
        await #expect(throws: StoreError.self) { _ = try await store.insertRuns(batch) }
        #expect(try await store.runs(matching: RunQuery()).map(\.id) == ["taken"])
        #expect(try await Self.journalCount(store) == 0)
    }

    /// Another process inserting the same fires one by one (its write moves this one's journal first): each fire
    /// ends with one run, the one whose insert said `true`.
    @Test func anotherProcessNeverMakesASecondRunOfAJournaledFire() async throws {
        try await FileStoreTests.withTemporaryPath { path in
            let daemon = try SQLiteStore(path: path)
            let other = try SQLiteStore(path: path)
            let batch = Self.fires(20)
            let singles = Self.fires(20, prefix: "s")
            async let journaled = daemon.insertRuns(batch)
            var single: [Bool] = []
            for run in singles { single.append(try await other.insertRun(run)) }
            let recorded = try await journaled
            try await daemon.markRunning(ids: [], owner: makeOwner(), at: instant(61))  // after the move
            let runs = try await other.runs(matching: RunQuery())
            #expect(runs.count == 20)
            for index in 0..<20 {
                #expect(recorded[index] != single[index])
                let winner = recorded[index] ? batch[index].id : singles[index].id
                #expect(runs.contains { $0.id == winner }, "fire \(index)")
            }
        }
    }

    /// The move that follows the journal failed (a full disk): the first write of one of its runs makes it.
    @Test func aRunsFirstWriteMakesAMoveThatFailed() async throws {
        try await FileStoreTests.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            let batch = Self.fires(3)
            try await Self.journalWithoutMoving(batch, path: path)
            try await store.markRunning(ids: ["f0"], owner: makeOwner(), at: instant(61))
            #expect(try await Self.journalCount(store) == 0)
            try await store.updateRun(id: "f1", status: .failed, reason: "no", owner: nil, at: instant(62))
            let runs = try await store.runs(matching: RunQuery()).sorted { $0.id < $1.id }
            #expect(runs.map(\.status) == [.running, .failed, .queued])
        }
    }

    /// Journal rows written as the journal write leaves them, without the move that follows it.
    static func journalWithoutMoving(_ runs: [RunRecord], path: String) async throws {
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for run in runs {
                try db.execute(
                    sql: """
                        INSERT INTO fire_journal (id, account_id, pipeline, "trigger", scheduled_at, status,
                          config_revision, created_at)
                        VALUES (?, ?, ?, 'schedule', ?, 'queued', ?, ?)
                        """,
                    arguments: [
                        run.id, run.accountID, run.pipeline, run.scheduledAt?.millisecondsSince1970,
                        run.configRevision, run.createdAt.millisecondsSince1970,
                    ])
            }
        }
    }

    static func journalCount(_ store: SQLiteStore) async throws -> Int {
        try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fire_journal") ?? -1 }
    }
}
