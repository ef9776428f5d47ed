import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The channels page's one read of a page of account states answers what one read per account answered.
struct AccountStatesReadingTests {
    @Test(arguments: StoreKind.all) func aPageOfStatesMatchesTheReadsOneAccountAtATime(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await store.updateAccountState("cooking") {
            $0.paused = true
            $0.pauseReason = "quota"
            $0.consecutiveFailures = 3
        }
        try await store.updateAccountState("travel") { $0.authFlag = "reauth" }
        try await store.updateAccountState("other") { $0.paused = true }
        _ = try await store.recordFires(["travel": Date(timeIntervalSince1970: 1_700_000_000)])

        let page = try await store.accountStates(ids: ["cooking", "travel", "never-seen", "cooking"])

        #expect(Set(page.keys) == ["cooking", "travel"])
        for id in ["cooking", "travel"] { #expect(page[id] == (try await store.accountState(id))) }
        #expect(page["cooking"]?.pauseReason == "quota")
        #expect(page["travel"]?.lastFireAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try await store.accountStates(ids: []).isEmpty)
    }
}
