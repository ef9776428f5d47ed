import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// `/api/quota`'s figures answer the same on both stores.
struct QuotaReadingTests {
    static let day = PacificDay("2026-03-08")!

    @Test(arguments: StoreKind.all) func unitsPerBucketAndRunsWaitingForTheReset(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.spend(1600, project: "main", day: Self.day, budget: 10_000)
        _ = try await store.spend(1600, project: "main/videos.insert", day: Self.day, budget: 10_000)
        _ = try await store.spend(50, project: "main", day: Self.day.next, budget: 10_000)
        #expect(try await store.quotaUsage(day: Self.day) == ["main": 1600, "main/videos.insert": 1600])
        #expect(try await store.quotaUsage(day: Self.day.next) == ["main": 50])

        try await insert(
            makeRun("waits", status: .running, createdAt: instant(1)),
            makeRun("retried", status: .running, createdAt: instant(2)),
            makeRun("other", status: .running, createdAt: instant(3)), into: store)
        try await fail("waits", step: "upload", attempt: 1, .quota, store)
        try await fail("retried", step: "upload", attempt: 1, .quota, store)
        try await fail("retried", step: "upload", attempt: 2, .transient, store)  // its newest attempt
        try await fail("other", step: "video", attempt: 1, .transient, store)
        #expect(try await store.runsWaitingForQuota().map(\.id) == ["waits"])
    }

    private func fail(
        _ run: String, step: String, attempt: Int, _ kind: FailureKind, _ store: any ShowrunnerStorage
    ) async throws {
        try await store.insertAttempt(
            AttemptRecord(runID: run, stepID: step, attempt: attempt, status: .running, startedAt: instant(10)))
        try await store.finishAttempt(
            runID: run, stepID: step, attempt: attempt, status: .failed,
            failure: StepFailure(kind, "the upload failed."), result: nil, at: instant(11))
    }
}
