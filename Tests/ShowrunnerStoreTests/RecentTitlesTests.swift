import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct RecentTitlesTests {
    /// Records a finished attempt of `step` in `run` with `outputs`.
    private func record(
        _ store: any ShowrunnerStorage, run: String, step: String, attempt: Int = 1, status: AttemptStatus = .succeeded,
        outputs: [String: ConfigValue]?, at second: Int64
    ) async throws {
        let number = status == .reused ? 0 : attempt
        let initial: AttemptStatus = status == .reused ? .reused : .running
        try await store.insertAttempt(
            AttemptRecord(
                runID: run, stepID: step, attempt: number, status: initial, outputs: status == .reused ? outputs : nil,
                startedAt: instant(second)))
        guard status != .reused else { return }
        let failure = status == .failed ? StepFailure(.transient, "the model replied with an empty message.") : nil
        let result = status == .succeeded ? StepResult(outputs: outputs ?? [:]) : nil
        try await store.finishAttempt(
            runID: run, stepID: step, attempt: number, status: status, failure: failure, result: result,
            at: instant(second + 1))
    }

    @Test(arguments: StoreKind.all) func titlesOfTheAccountsMostRecentRunsComeNewestFirstWithoutRepeats(
        _ kind: StoreKind
    ) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("r1", createdAt: instant(10)), makeRun("r2", createdAt: instant(20)),
            makeRun("r3", createdAt: instant(30)), makeRun("r4", createdAt: instant(40)),
            makeRun("other", account: "travel", createdAt: instant(50)), into: store)
        try await record(store, run: "r1", step: "topic", outputs: ["title": .string("Soup")], at: 11)
        try await record(store, run: "r2", step: "topic", outputs: ["title": .string("Bread")], at: 21)
        try await record(
            store, run: "r2", step: "script", outputs: ["title": .string("Bread at Home"), "text": .string("…")], at: 22
        )
        // A failed attempt's title never counts; the retry's does.
        try await record(store, run: "r3", step: "topic", status: .failed, outputs: nil, at: 31)
        try await record(store, run: "r3", step: "topic", attempt: 2, outputs: ["title": .string("Pasta")], at: 32)
        try await record(store, run: "r3", step: "script", outputs: ["title": .string("Pasta")], at: 33)
        // A run with no title (it failed early) does not use up the limit.
        try await record(store, run: "r4", step: "topic", status: .failed, outputs: nil, at: 41)
        try await record(store, run: "other", step: "topic", outputs: ["title": .string("Rome")], at: 51)

        #expect(
            try await store.recentTitles(accountID: "cooking", limit: 30) == [
                "Pasta", "Bread", "Bread at Home", "Soup",
            ])
        #expect(try await store.recentTitles(accountID: "cooking", limit: 2) == ["Pasta", "Bread", "Bread at Home"])
        #expect(try await store.recentTitles(accountID: "cooking", limit: 0) == [])
        #expect(try await store.recentTitles(accountID: "travel", limit: 5) == ["Rome"])
        #expect(try await store.recentTitles(accountID: "nobody", limit: 5) == [])
    }

    @Test(arguments: StoreKind.all) func reusedOutputsCountAndOnlyTextTitlesAreRead(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("r1", createdAt: instant(10)),
            makeRun("r2", trigger: .retry, createdAt: instant(20), retryOf: "r1"), into: store)
        try await record(store, run: "r1", step: "topic", outputs: ["title": .string("Stew")], at: 11)
        try await record(store, run: "r1", step: "count", outputs: ["title": .int(3)], at: 12)
        try await record(store, run: "r1", step: "blank", outputs: ["title": .string("  ")], at: 13)
        try await record(store, run: "r1", step: "list", outputs: ["title": .list([.string("a")])], at: 14)
        try await record(store, run: "r2", step: "topic", status: .reused, outputs: ["title": .string("Stew")], at: 21)
        try await record(store, run: "r2", step: "script", outputs: ["title": .string("Stew, slowly")], at: 22)

        #expect(try await store.recentTitles(accountID: "cooking", limit: 1) == ["Stew", "Stew, slowly"])
        #expect(try await store.recentTitles(accountID: "cooking", limit: 10) == ["Stew", "Stew, slowly"])
    }

    @Test(arguments: StoreKind.all) func theStoreIsTheStepsTitleHistory(_ kind: StoreKind) async throws {
        let history: any RecentTitles = try await kind.open()
        #expect(try await history.recentTitles(accountID: "cooking", limit: 3) == [])
    }
}
