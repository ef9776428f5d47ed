import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerTestSupport
import Synchronization
import Testing

@testable import ShowrunnerServer

/// The closed days of statistics are read once the server listens, in the background, so the first `/stats` costs
/// what later ones do; a request during that read waits for it instead of reading the days again.
struct StatsWarmUpTests {
    /// Counts the ranges asked; the first read waits until the test opens it.
    final class HeldReader: StatsReading {
        let asked = Mutex<[ClosedRange<Int>]>([])
        let held = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

        func statsRows(days: ClosedRange<Int>, accountID: String?) async throws -> StatsRows {
            let first = asked.withLock { list in
                list.append(days)
                return list.count == 1
            }
            if first {
                await withCheckedContinuation { continuation in
                    let now = held.withLock { state in
                        if !state.open { state.waiters.append(continuation) }
                        return state.open
                    }
                    if now { continuation.resume() }
                }
            }
            return StatsRows(runs: days.map { RunDayCount(day: $0, status: .succeeded, count: 1) })
        }

        func open() {
            held.withLock { state in
                state.open = true
                defer { state.waiters = [] }
                return state.waiters
            }.forEach { $0.resume() }
        }

        var ranges: [ClosedRange<Int>] { asked.withLock { $0 } }
    }

    @Test func aRequestDuringTheWarmUpWaitsForItsReadInsteadOfReadingAgain() async throws {
        let reader = HeldReader()
        let cache = StatsCache(reader: reader)
        let day = 20_500
        let noon = StatsDay.start(of: day).addingTimeInterval(43_200)
        let warming = Task { await cache.warm(now: noon) }
        try await Deadline.until("the warm-up reads") { !reader.ranges.isEmpty }
        let request = Task { try await cache.rows(days: (day - 89)...day, accountID: nil, now: noon) }
        let deadline = ContinuousClock.now + .seconds(60)
        while await cache.joined == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(1)) }
        #expect(await cache.joined == 1)
        reader.open()
        await warming.value
        let rows = try await request.value
        #expect(rows.runs.count == 90)
        #expect(reader.ranges == [(day - 89)...(day - 1), day...day])
    }

    @Test func theServerReadsTheClosedDaysOnceItListensWithoutARequest() async throws {
        let reader = HeldReader()
        reader.open()
        let store = try await Fixtures.store()
        let dashboard = Dashboard(
            events: LiveEventHub(), stateDirectory: FileManager.default.temporaryDirectory,
            redactor: Redactor(secrets: []))
        try await APIHarness.serve(logger: .silent) { onRunning in
            try APIServer(
                control: FakeDaemon(), runs: store, prometheus: nil, token: nil, listen: "127.0.0.1:0", logger: .silent,
                dashboard: dashboard, stats: reader, onServerRunning: onRunning)
        } body: { _ in
            try await Deadline.until("the closed days are read") { !reader.ranges.isEmpty }
            let today = StatsDay.number(of: Date())
            #expect(reader.ranges == [(today - 89)...(today - 1)])
        }
    }
}
