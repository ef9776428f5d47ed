import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The dashboard's filters on history: trigger and a creation window, with the other filters and the cursor.
struct RunQueryFilterTests {
    static func seeded() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await insert(
            makeRun("m0", trigger: .manual, status: .succeeded, createdAt: instant(0)),
            makeRun("s1", trigger: .schedule, scheduledAt: instant(10), status: .failed, createdAt: instant(10)),
            makeRun("m2", account: "travel", trigger: .manual, status: .failed, createdAt: instant(20)),
            makeRun("r3", trigger: .retry, status: .succeeded, createdAt: instant(30)),
            makeRun("m4", trigger: .manual, status: .failed, createdAt: instant(40)),
            into: store)
        return store
    }

    @Test(arguments: [
        (RunQuery(trigger: .manual), ["m4", "m2", "m0"]),
        (RunQuery(trigger: .manual, createdFrom: instant(10)), ["m4", "m2"]),
        (RunQuery(createdFrom: instant(10), createdUntil: instant(30)), ["m2", "s1"]),
        (RunQuery(status: .failed, trigger: .manual), ["m4", "m2"]),
        (RunQuery(accountID: "cooking", trigger: .manual), ["m4", "m0"]),
        (RunQuery(limit: 1, before: "m4", trigger: .manual), ["m2"]),
        (RunQuery(trigger: .catchUp), []),
    ])
    func filtersCombine(query: RunQuery, expected: [String]) async throws {
        let store = try await Self.seeded()
        #expect(try await store.runs(matching: query).map(\.id) == expected)
    }
}
