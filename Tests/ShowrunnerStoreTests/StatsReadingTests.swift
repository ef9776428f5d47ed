import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// `/api/stats`'s aggregates answer the same on both stores: runs per finished day and status, attempts per day,
/// pipeline, step, outcome and duration bucket.
struct StatsReadingTests {
    /// `instant(0)` is 20:26:40 UTC; `instant(13_000)` is the next UTC day.
    static let day = Int(instant(0).millisecondsSince1970 / StatsDay.milliseconds)

    /// Records a finished attempt of `step` in `run` lasting `milliseconds` from `second`.
    private func attempt(
        _ store: any ShowrunnerStorage, run: String, step: String, attempt: Int = 1, status: AttemptStatus,
        at second: Int64, milliseconds: Int64, outputs: [String: ConfigValue] = [:]
    ) async throws {
        try await store.insertAttempt(
            AttemptRecord(runID: run, stepID: step, attempt: attempt, status: .running, startedAt: instant(second)))
        let failure = status == .failed ? StepFailure(.transient, "ffmpeg was killed by signal 9.") : nil
        try await store.finishAttempt(
            runID: run, stepID: step, attempt: attempt, status: status, failure: failure,
            result: status == .succeeded ? StepResult(outputs: outputs) : nil,
            at: instant(second, milliseconds: milliseconds))
    }

    private func finish(
        _ store: any ShowrunnerStorage, _ run: String, _ status: RunStatus, at second: Int64
    )
        async throws
    {
        try await store.updateRun(id: run, status: status, reason: nil, owner: nil, at: instant(second))
    }

    @Test(arguments: StoreKind.all) func runsAndAttemptsAreCountedPerFinishedDay(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(
            makeRun("r1"), makeRun("r2"), makeRun("r3", account: "travel"), makeRun("r4"), into: store)
        try await attempt(
            store, run: "r1", step: "video", status: .succeeded, at: 10, milliseconds: 2000,
            outputs: ["duration_s": .double(30.5)])
        try await finish(store, "r1", .succeeded, at: 100)
        try await attempt(store, run: "r2", step: "video", status: .failed, at: 20, milliseconds: 50)
        try await attempt(store, run: "r2", step: "video", attempt: 2, status: .failed, at: 30, milliseconds: 70)
        try await finish(store, "r2", .failed, at: 200)
        // A text duration is not a length; the next UTC day.
        try await attempt(
            store, run: "r3", step: "upload", status: .succeeded, at: 12_990, milliseconds: 1000,
            outputs: ["duration_s": .string("long")])
        try await finish(store, "r3", .succeeded, at: 13_000)
        // Not finished: not counted.
        try await attempt(store, run: "r4", step: "video", status: .succeeded, at: 40, milliseconds: 10)

        let all = try await store.statsRows(days: Self.day...(Self.day + 1), accountID: nil)
        #expect(
            Set(all.runs) == [
                RunDayCount(day: Self.day, status: .succeeded, count: 1),
                RunDayCount(day: Self.day, status: .failed, count: 1),
                RunDayCount(day: Self.day + 1, status: .succeeded, count: 1),
            ])
        let video = { (ok: Bool, ms: Int64, count: Int, total: Int64, media: Double) in
            StepDayBucket(
                day: Self.day, pipeline: "shorts", stepID: "video", succeeded: ok,
                bucket: DurationBuckets.bucket(milliseconds: ms), count: count, milliseconds: total,
                mediaSeconds: media)
        }
        let upload = StepDayBucket(
            day: Self.day + 1, pipeline: "shorts", stepID: "upload", succeeded: true,
            bucket: DurationBuckets.bucket(milliseconds: 1000), count: 1, milliseconds: 1000, mediaSeconds: 0)
        #expect(Set(all.steps) == [video(true, 2000, 1, 2000, 30.5), video(false, 50, 2, 120, 0), upload])

        let cooking = try await store.statsRows(days: Self.day...(Self.day + 1), accountID: "cooking")
        #expect(Set(cooking.steps) == [video(true, 2000, 1, 2000, 30.5), video(false, 50, 2, 120, 0)])
        #expect(cooking.runs.count == 2)
        let nextDay = try await store.statsRows(days: (Self.day + 1)...(Self.day + 1), accountID: nil)
        #expect(
            nextDay == StatsRows(runs: [RunDayCount(day: Self.day + 1, status: .succeeded, count: 1)], steps: [upload]))
    }
}
