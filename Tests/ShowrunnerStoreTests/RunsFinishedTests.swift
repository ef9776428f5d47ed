import Foundation
import ShowrunnerCore
import Testing

/// The walk over ended runs (metrics count runs other processes ended with it): paged at any size, it reads each
/// ended run once, including runs that ended in the same millisecond across a page boundary.
struct RunsFinishedTests {
    /// In end order: a1, a2 and a3 ended in the same millisecond; q1 has not ended.
    static let endOrder = ["z0", "a1", "a2", "a3", "b4"]

    static func seeded(_ kind: StoreKind) async throws -> any ShowrunnerStorage {
        let store = try await kind.open()
        let ends: [(String, Int64)] = [("a3", 5), ("b4", 6), ("a1", 5), ("z0", 4), ("a2", 5)]
        for (id, second) in ends {
            var run = makeRun(id, status: .succeeded, createdAt: instant(0))
            run.finishedAt = instant(second)
            try await insert(run, into: store)
        }
        try await insert(makeRun("q1", status: .queued), into: store)
        return store
    }

    @Test(arguments: StoreKind.all)
    func everyPageSizeReadsEachEndedRunOnceInEndOrder(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        for limit in 1...6 {
            var seen: [String] = []
            var position = FinishedRunPosition(finishedAt: instant(0))
            while true {
                let page = try await store.runsFinished(after: position, limit: limit)
                seen += page.map(\.id)
                guard page.count == limit, let last = page.last.flatMap(FinishedRunPosition.init(of:)) else { break }
                position = last
            }
            #expect(seen == Self.endOrder, "limit \(limit)")
        }
    }

    @Test(arguments: StoreKind.all)
    func aPositionInsideAMillisecondReadsTheRestOfIt(_ kind: StoreKind) async throws {
        let store = try await Self.seeded(kind)
        let after = FinishedRunPosition(finishedAt: instant(5), runID: "a1")
        #expect(try await store.runsFinished(after: after, limit: 10).map(\.id) == ["a2", "a3", "b4"])
    }
}
