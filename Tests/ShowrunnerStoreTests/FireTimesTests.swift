import Foundation
import ShowrunnerCore
import Testing

/// `recordFires`: each account's last fire moves forward only, and nothing else of its state changes.
struct FireTimesTests {
    static let recorded = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreKind.all) func aFireMovesTheLastFireForwardOnly(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await store.updateAccountState("paused") {
            $0.paused = true
            $0.pauseReason = "quota"
            $0.consecutiveFailures = 2
            $0.authFlag = "reauth"
            $0.lastFireAt = Self.recorded
        }
        try await store.updateAccountState("later") { $0.lastFireAt = Self.recorded }
        try await store.updateAccountState("never-fired") { $0.consecutiveFailures = 1 }

        let updated = try await store.recordFires([
            "paused": Self.recorded.addingTimeInterval(-60),  // earlier: kept as it was
            "later": Self.recorded.addingTimeInterval(60),
            "never-fired": Self.recorded,
            "new": Date(timeIntervalSince1970: -60),  // before 1970
        ])

        let expected = [
            "paused": AccountState(
                accountID: "paused", paused: true, pauseReason: "quota", consecutiveFailures: 2,
                lastFireAt: Self.recorded, authFlag: "reauth"),
            "later": AccountState(accountID: "later", lastFireAt: Self.recorded.addingTimeInterval(60)),
            "never-fired": AccountState(accountID: "never-fired", consecutiveFailures: 1, lastFireAt: Self.recorded),
            "new": AccountState(accountID: "new", lastFireAt: Date(timeIntervalSince1970: -60)),
        ]
        #expect(updated == expected)
        #expect(try await store.accountStates() == expected)
    }
}
