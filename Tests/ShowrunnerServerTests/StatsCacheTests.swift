import Foundation
import ShowrunnerCore
import Synchronization
import Testing

@testable import ShowrunnerServer

/// The store is asked for each closed day once; a request reads only today, at most every 5 s.
struct StatsCacheTests {
    final class CountingReader: StatsReading {
        let asked = Mutex<[ClosedRange<Int>]>([])

        func statsRows(days: ClosedRange<Int>, accountID: String?) async throws -> StatsRows {
            asked.withLock { $0.append(days) }
            return StatsRows(runs: days.map { RunDayCount(day: $0, status: .succeeded, count: 1) })
        }
    }

    @Test func closedDaysAreReadOnceAndTodayEveryFiveSeconds() async throws {
        let reader = CountingReader()
        let cache = StatsCache(reader: reader)
        let day = 20_500
        let noon = StatsDay.start(of: day).addingTimeInterval(43_200)
        let first = try await cache.rows(days: (day - 6)...day, accountID: nil, now: noon)
        #expect(first.runs.map(\.day) == Array((day - 6)...day))
        #expect(reader.asked.withLock { $0 } == [(day - 89)...(day - 1), day...day])

        _ = try await cache.rows(days: (day - 89)...day, accountID: nil, now: noon.addingTimeInterval(4))
        #expect(reader.asked.withLock { $0.count } == 2)
        _ = try await cache.rows(days: (day - 29)...day, accountID: nil, now: noon.addingTimeInterval(6))
        #expect(reader.asked.withLock { $0.suffix(1) } == [day...day])

        let tomorrow = noon.addingTimeInterval(86_400)
        let next = try await cache.rows(days: (day - 88)...(day + 1), accountID: nil, now: tomorrow)
        #expect(reader.asked.withLock { $0.suffix(2) } == [day...day, (day + 1)...(day + 1)])
        #expect(next.runs.count == 90)

        _ = try await cache.rows(days: (day - 6)...day, accountID: "one", now: noon)
        #expect(reader.asked.withLock { $0.suffix(2) } == [(day - 89)...(day - 1), day...day])
    }
}
