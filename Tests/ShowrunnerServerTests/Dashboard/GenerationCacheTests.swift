import Foundation
import Testing

@testable import ShowrunnerServer

/// What the dashboard keeps of the daemon's schedules: kept while the generation holds and it is young, rebuilt
/// after a change (reload, pause, resume) or its lifetime, never kept for a source that does not count changes.
struct GenerationCacheTests {
    actor Counter {
        var value = 0
        func next() -> Int {
            value += 1
            return value
        }
    }

    /// (generation, seconds after the first read) of a second read, and whether it is computed afresh before it
    /// answers (between the lifetime and the stale limit it answers the kept value and refreshes in the background).
    @Test(arguments: [
        (Int?(1), 0.0, false), (1, 9.9, false), (1, 10.0, false), (1, 39.9, false), (1, 40.0, true), (2, 0.0, true),
        (nil, 0.0, true),
    ])
    func aSecondRead(generation: Int?, after seconds: Double, computesAgain: Bool) async throws {
        let cache = GenerationCache<Int, Int>(lifetime: 10)
        let counter = Counter()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let first = await cache.value(24, generation: generation == nil ? nil : 1, now: start) { await counter.next() }
        let second = await cache.value(24, generation: generation, now: start.addingTimeInterval(seconds)) {
            await counter.next()
        }
        #expect(first.value == 1)
        #expect(second.value == (computesAgain ? 2 : 1))
    }

    @Test func anAgedValueIsAnsweredWhileItIsRefreshedInTheBackground() async throws {
        let cache = GenerationCache<Int, Int>(lifetime: 10)
        let counter = Counter()
        let start = Date(timeIntervalSince1970: 1_000_000)
        _ = await cache.value(24, generation: 1, now: start) { await counter.next() }
        let later = start.addingTimeInterval(15)
        #expect(await cache.value(24, generation: 1, now: later) { await counter.next() }.value == 1)
        var seen = 1
        let deadline = ContinuousClock.now + .seconds(60)
        while seen == 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
            seen = await cache.value(24, generation: 1, now: later) { await counter.next() }.value
        }
        #expect(seen == 2)
        #expect(await counter.value == 2)
    }

    @Test func keysAreKeptApartAndANewGenerationDropsThemAll() async throws {
        let cache = GenerationCache<Int, Int>(lifetime: 10)
        let counter = Counter()
        let now = Date(timeIntervalSince1970: 1_000_000)
        var seen: [Int] = []
        for (key, generation) in [(24, 1), (168, 1), (24, 1), (24, 2), (168, 2)] {
            seen.append(await cache.value(key, generation: generation, now: now) { await counter.next() }.value)
        }
        #expect(seen == [1, 2, 1, 3, 4])
    }
}
