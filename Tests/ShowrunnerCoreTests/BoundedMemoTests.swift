import Synchronization
import Testing

@testable import ShowrunnerCore

struct BoundedMemoTests {
    /// Counts how often a value is worked out.
    final class Counter: Sendable {
        private let calls = Mutex(0)
        var count: Int { calls.withLock { $0 } }
        func square(_ key: Int) -> Int {
            calls.withLock { $0 += 1 }
            return key * key
        }
    }

    @Test func aKeyIsWorkedOutOnce() {
        let memo = BoundedMemo<Int, Int>(limit: 10)
        let counter = Counter()
        #expect((0..<100).map { memo.value(for: $0 % 3, counter.square) } == (0..<100).map { ($0 % 3) * ($0 % 3) })
        #expect(counter.count == 3)
    }

    @Test func pastItsLimitItStartsOver() {
        let memo = BoundedMemo<Int, Int>(limit: 4)
        let counter = Counter()
        for key in 0..<4 { _ = memo.value(for: key, counter.square) }
        #expect(memo.value(for: 0, counter.square) == 0 && counter.count == 4)  // still remembered
        _ = memo.value(for: 4, counter.square)  // the fifth key: the memo starts over with it
        #expect(memo.value(for: 4, counter.square) == 16 && counter.count == 5)
        #expect(memo.value(for: 0, counter.square) == 0 && counter.count == 6)  // forgotten, worked out again
    }

    /// Zone names come from config files, misspelt ones too: past the memo's limit the answers stay right.
    @Test func zoneNamesStayRightPastTheMemosLimit() {
        for index in 0..<2_500 { #expect(TimeZoneNames.zone(named: "Mars/Base\(index)") == nil) }
        #expect(TimeZoneNames.zone(named: "Europe/Berlin")?.identifier == "Europe/Berlin")
        #expect(TimeZoneNames.zone(named: "GMT+5") == nil)
    }
}
