import Dispatch
import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// A file store's log is checkpointed beside the writer, never inside a commit (`WALCheckpointer`).
struct WALCheckpointTests {
    /// About 1,500 pages of log: past SQLite's 1,000-frame checkpoint threshold in one commit.
    static func burst(_ number: Int) -> [RunRecord] {
        (0..<1500).map { index in
            RunRecord(
                id: "20261207-1200\(number)0-\(index)", accountID: "a\(index)", pipeline: "p", trigger: .manual,
                reason: String(repeating: "x", count: 4000), createdAt: instant(Int64(number)))
        }
    }

    static func logSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
    }

    @Test func aCommitPastTheThresholdLeavesTheCheckpointToItsOwnConnection() async throws {
        try await FileStoreTests.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            let checkpointer = try #require(store.checkpointer)
            let hold = DispatchSemaphore(value: 0)
            checkpointer.connection.asyncWriteWithoutTransaction { _ in hold.wait() }  // the checkpointer is busy

            #expect(try await store.insertRuns(Self.burst(1)).allSatisfy { $0 })
            let one = try Self.logSize(path)
            #expect(try await store.insertRuns(Self.burst(2)).allSatisfy { $0 })
            let two = try Self.logSize(path)
            // SQLite's own hook would have checkpointed inside the first commit; the second would reuse the log.
            #expect(one > 1500 * 4096 && two > one + 1500 * 4096)

            hold.signal()
            try await checkpointer.connection.writeWithoutTransaction { _ in }  // after the queued checkpoint
            #expect(try await store.insertRuns(Self.burst(3)).allSatisfy { $0 })
            #expect(try Self.logSize(path) == two, "checkpointed: the third burst is written over the log's start")
            let runs = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") }
            #expect(runs == 4500)
        }
    }
}
