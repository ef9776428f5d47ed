import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The channels page's batched read answers what the two history queries per row answered.
struct ChannelRunsTests {
    @Test(arguments: StoreKind.all) func eachAccountGetsItsNewestRunsAndTheSucceededCountSince(
        _ kind: StoreKind
    ) async throws {
        let store = try await kind.open()
        var runs: [RunRecord] = []
        for index in 0..<20 {
            let status: RunStatus = index % 4 == 3 ? .failed : .succeeded
            runs.append(makeRun("c\(index)", account: "cooking", status: status, createdAt: instant(Int64(index))))
        }
        runs.append(makeRun("t0", account: "travel", status: .succeeded, createdAt: instant(5)))
        for run in runs { _ = try await store.insertRun(run) }

        let found = try await store.channelRuns(
            accountIDs: ["cooking", "travel", "empty", "cooking"], recent: 14, since: instant(10))

        #expect(Set(found.keys) == ["cooking", "travel", "empty"])
        let history = try await store.runs(matching: RunQuery(accountID: "cooking", limit: 14))
        #expect(found["cooking"]?.recent == history)
        #expect(found["cooking"]?.recent.map(\.id).first == "c19")
        // c10…c19 were created at or after the cut; c11, c15 and c19 failed.
        #expect(found["cooking"]?.succeededSince == 7)
        #expect(found["travel"]?.recent.map(\.id) == ["t0"])
        #expect(found["travel"]?.succeededSince == 0)
        #expect(found["empty"] == ChannelRuns(recent: [], succeededSince: 0))
    }
}
