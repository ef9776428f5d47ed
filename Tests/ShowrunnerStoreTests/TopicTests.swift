import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct TopicTests {
    @Test(arguments: StoreKind.all) func topicsAreUsedPerAccountAndListUntilReset(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), makeRun("r2"), into: store)
        let marks = [
            ("cooking", "a.txt", "Soup"), ("cooking", "a.txt", "Bread"), ("cooking", "b.txt", "Soup"),
            ("travel", "a.txt", "Rome"),
        ]
        for (account, list, topic) in marks {
            try await store.markTopicUsed(accountID: account, list: list, topic: topic, runID: "r1", at: instant(1))
        }
        #expect(try await store.usedTopics(accountID: "cooking", list: "a.txt") == ["Soup", "Bread"])
        #expect(try await store.usedTopics(accountID: "travel", list: "a.txt") == ["Rome"])
        #expect(try await store.usedTopics(accountID: "travel", list: "b.txt") == [])

        try await store.resetTopics(accountID: "cooking", list: "a.txt")
        #expect(try await store.usedTopics(accountID: "cooking", list: "a.txt") == [])
        #expect(try await store.usedTopics(accountID: "cooking", list: "b.txt") == ["Soup"])
        #expect(try await store.usedTopics(accountID: "travel", list: "a.txt") == ["Rome"])
    }

    @Test func markingATopicAgainRecordsTheLatestUse() async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), makeRun("r2"), into: store)
        try await store.markTopicUsed(accountID: "cooking", list: "a.txt", topic: "Soup", runID: "r1", at: instant(1))
        try await store.markTopicUsed(accountID: "cooking", list: "a.txt", topic: "Soup", runID: "r2", at: instant(2))
        let rows = try await store.writer.read { db in try TopicUseRow.fetchAll(db) }
        #expect(rows.map(\.runID) == ["r2"] && rows.map(\.usedAt) == [instant(2).millisecondsSince1970])
    }
}
