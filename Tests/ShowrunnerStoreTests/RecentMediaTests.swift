import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct RecentMediaTests {
    private func record(
        _ store: any ShowrunnerStorage, run: String, status: AttemptStatus = .succeeded, outputs: [String: ConfigValue],
        at second: Int64
    ) async throws {
        try await store.insertAttempt(
            AttemptRecord(runID: run, stepID: "video", attempt: 1, status: .running, startedAt: instant(second)))
        let failure = status == .failed ? StepFailure(.transient, "ffmpeg was killed by signal 9.") : nil
        try await store.finishAttempt(
            runID: run, stepID: "video", attempt: 1, status: status, failure: failure,
            result: status == .succeeded ? StepResult(outputs: outputs) : nil, at: instant(second + 1))
    }

    private func media(_ names: String...) -> ConfigValue { .list(names.map { .string("/lib/\($0)") }) }

    @Test(arguments: StoreKind.all) func theLibraryItemsAndTracksOfRecentVideosComeNewestFirst(
        _ kind: StoreKind
    ) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("r1", createdAt: instant(10)), makeRun("r2", createdAt: instant(20)),
            makeRun("r3", createdAt: instant(30)), makeRun("other", account: "travel", createdAt: instant(40)),
            into: store)
        try await record(
            store, run: "r1", outputs: ["media": media("a.png", "b.mp4"), "music": .string("/m/one.mp3")], at: 11)
        try await record(
            store, run: "r2", outputs: ["media": media("c.png", "a.png"), "music": .string("/m/two.mp3")], at: 21)
        // A failed render used nothing.
        try await record(store, run: "r3", status: .failed, outputs: [:], at: 31)
        try await record(store, run: "other", outputs: ["media": media("z.png")], at: 41)

        #expect(
            try await store.recentMedia(accountID: "cooking", output: "media", runs: 5)
                == ["/lib/c.png", "/lib/a.png", "/lib/b.mp4"])
        #expect(
            try await store.recentMedia(accountID: "cooking", output: "media", runs: 1) == ["/lib/c.png", "/lib/a.png"])
        #expect(
            try await store.recentMedia(accountID: "cooking", output: "music", runs: 5) == ["/m/two.mp3", "/m/one.mp3"])
        #expect(try await store.recentMedia(accountID: "cooking", output: "media", runs: 0) == [])
        #expect(try await store.recentMedia(accountID: "travel", output: "media", runs: 5) == ["/lib/z.png"])
        #expect(try await store.recentMedia(accountID: "cooking", output: "x') OR 1=1 --", runs: 5) == [])
    }

    @Test(arguments: StoreKind.all) func theAppsStepStoresReadTheStoresMediaHistory(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1", createdAt: instant(10)), into: store)
        try await record(store, run: "r1", outputs: ["media": media("a.png")], at: 11)
        let stores = StepStores(store)
        #expect(
            try await stores.recentMedia.recentMedia(accountID: "cooking", output: "media", runs: 5) == ["/lib/a.png"])
    }
}
