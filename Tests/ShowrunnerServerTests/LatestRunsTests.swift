import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

struct LatestRunsTests {
    static let accounts: Set<String> = ["cooking-daily", "travel-weekly", "never-ran"]
    static let expected = ["cooking-daily": "r-cook-3", "travel-weekly": "r-trav-2"]

    /// Whatever the page size and scan limit (history ends mid-page, on a page boundary, or the scan gives up and
    /// falls back to one query per account), the answer is each account's newest run.
    @Test(arguments: [(1, nil), (2, nil), (5, nil), (1_000, nil), (1, 1), (2, 2), (1, 0)] as [(Int, Int?)])
    func findsEachAccountsNewestRun(_ pageSize: Int, _ scanLimit: Int?) async throws {
        let lookup = LatestRuns(store: try await Fixtures.store(), pageSize: pageSize, scanLimit: scanLimit)
        let found = try await lookup.lookup(Self.accounts)
        #expect(found.mapValues(\.id) == Self.expected)
    }

    @Test func noAccountsNeedNoQuery() async throws {
        #expect(try await LatestRuns(store: try SQLiteStore.inMemory()).lookup([]).isEmpty)
    }
}
