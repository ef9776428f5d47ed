import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct RunQueryTests {
    /// Newest first: by creation time, then id (c2 and c3 were created in the same millisecond).
    static let newestFirst = ["t5", "c4", "c3", "c2", "t1", "c0"]

    static func seeded(_ kind: StoreKind) async throws -> any ShowrunnerStorage {
        let store = try await kind.open()
        try await insert(
            makeRun("c0", account: "cooking", status: .succeeded, createdAt: instant(0)),
            makeRun("t1", account: "travel", status: .failed, createdAt: instant(1)),
            makeRun("c3", account: "cooking", status: .failed, createdAt: instant(2)),
            makeRun("c2", account: "cooking", status: .succeeded, createdAt: instant(2)),
            makeRun("c4", account: "cooking", status: .running, createdAt: instant(3)),
            makeRun("t5", account: "travel", status: .succeeded, createdAt: instant(4)),
            into: store)
        return store
    }

    @Test(arguments: StoreKind.all)
    func pagesWithTheBeforeCursorWalkTheWholeHistoryOnce(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        for limit in 1...7 {
            var seen: [String] = []
            var query = RunQuery(limit: limit)
            while true {
                let page = try await store.runs(matching: query).map(\.id)
                #expect(page.count <= limit)
                seen += page
                guard page.count == limit, let last = page.last else { break }
                query.before = last
            }
            #expect(seen == Self.newestFirst, "limit \(limit)")
        }
    }

    static let filterCases = [
        (RunQuery(accountID: "cooking"), ["c4", "c3", "c2", "c0"]),
        (RunQuery(status: .succeeded), ["t5", "c2", "c0"]),
        (RunQuery(accountID: "cooking", status: .succeeded), ["c2", "c0"]),
        (RunQuery(accountID: "cooking", limit: 2, before: "c4"), ["c3", "c2"]),
        (RunQuery(status: .failed, before: "c3"), ["t1"]),
        (RunQuery(accountID: "travel", before: "c2"), ["t1"]),  // the cursor is a position, any run will do
        (RunQuery(before: "c0"), []),
        (RunQuery(accountID: "nobody"), []),
        (RunQuery(limit: 0), []),
    ]

    @Test(arguments: StoreKind.all) func filters(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        for (query, expected) in Self.filterCases {
            #expect(try await store.runs(matching: query).map(\.id) == expected, "\(query)")
        }
    }

    @Test(arguments: StoreKind.all) func anUnknownCursorIsAnError(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        await #expect(throws: StoreError.runNotFound("zz")) { try await store.runs(matching: RunQuery(before: "zz")) }
    }

    @Test(arguments: StoreKind.all) func historyCountsAttemptsMade(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        let attempts = [
            AttemptRecord(runID: "c4", stepID: "topic", attempt: 0, status: .reused, startedAt: instant(3)),
            AttemptRecord(runID: "c4", stepID: "tts", attempt: 1, status: .failed, startedAt: instant(3)),
            AttemptRecord(runID: "c4", stepID: "tts", attempt: 2, status: .running, startedAt: instant(4)),
            AttemptRecord(runID: "c4", stepID: "upload", attempt: 0, status: .skipped, startedAt: instant(4)),
        ]
        for attempt in attempts { try await store.insertAttempt(attempt) }
        let page = try await history(store, RunQuery(limit: 2))
        #expect(page.map(\.run.id) == ["t5", "c4"])
        #expect(page.map(\.attempts) == [0, 2])
        #expect(page.map(\.failedAttempts) == [0, 1])
    }

    /// History pages come straight off an index, in order: no full scan and no sort however long history grows.
    @Test(arguments: [
        RunQuery(), RunQuery(before: "c2"), RunQuery(accountID: "cooking"),
        RunQuery(accountID: "cooking", before: "c4"),
        RunQuery(status: .failed), RunQuery(status: .failed, before: "c3"),
    ])
    func pagesUseAnIndexWithoutSorting(_ query: RunQuery) async throws {
        let store = try #require(try await Self.seeded(.sqlite) as? SQLiteStore)
        let plan = try await store.writer.read { db in
            let statement = try HistoryRow.page(query, db).makePreparedRequest(db).statement
            let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(statement.sql)", arguments: statement.arguments)
            return rows.map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        #expect(
            plan.contains { $0.hasPrefix("SCAN runs USING INDEX") || $0.hasPrefix("SEARCH runs USING INDEX") },
            "\(plan)")
    }
}
