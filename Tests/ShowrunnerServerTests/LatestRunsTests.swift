import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

struct LatestRunsTests {
    static let accounts: Set<String> = ["cooking-daily", "travel-weekly", "never-ran"]
    static let expected = ["cooking-daily": "r-cook-3", "travel-weekly": "r-trav-2"]

    @Test func findsEachAccountsNewestRun() async throws {
        let found = try await LatestRuns(store: try await Fixtures.store()).lookup(Self.accounts)
        #expect(found.mapValues(\.id) == Self.expected)
    }

    @Test func noAccountsNoRuns() async throws {
        #expect(try await LatestRuns(store: try SQLiteStore.inMemory()).lookup([]).isEmpty)
    }
}
