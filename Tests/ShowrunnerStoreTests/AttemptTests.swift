import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

struct AttemptTests {
    static let outputs: [String: ConfigValue] = [
        "title": .string("Café ☕️ — 日本語の字幕 🎬 \"quoted\" \\ back/slash\nnew line"),
        "tags": .list([.string("a"), .int(3), .bool(true), .null, .double(2.5)]),
        "meta": .map(["nested": .map(["deep": .list([.map(["k": .string("v")]), .list([])])]), "empty": .map([:])]),
        "count": .int(-9_007_199_254_740_993),
        "ratio": .double(0.1),
        "ключ 🔑": .string(""),
        "nothing": .null,
    ]

    static func storeWithRun(_ kind: StoreKind) async throws -> any ShowrunnerStorage {
        let store = try await kind.open()
        try await insert(makeRun("r1", status: .running, owner: makeOwner()), into: store)
        return store
    }

    static func sqliteStoreWithRun() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1", status: .running, owner: makeOwner()), into: store)
        return store
    }

    @Test(arguments: StoreKind.all) func aSuccessStoresOutputsAndArtifacts(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        try await store.insertAttempt(AttemptRecord(runID: "r1", stepID: "script", attempt: 1, startedAt: instant(1)))
        let result = StepResult(outputs: Self.outputs, artifacts: ["runs/r1/script/script.txt", "/srv/é ü/a.json"])
        try await store.finishAttempt(
            runID: "r1", stepID: "script", attempt: 1, status: .succeeded, failure: nil, result: result, at: instant(2))
        let expected = AttemptRecord(
            runID: "r1", stepID: "script", attempt: 1, status: .succeeded, outputs: Self.outputs,
            artifacts: result.artifacts, startedAt: instant(1), finishedAt: instant(2))
        #expect(try await store.attempts(runID: "r1") == [expected])
    }

    @Test func outputsAreStoredAsCompactSortedJSON() async throws {
        let store = try await Self.sqliteStoreWithRun()
        let record = AttemptRecord(
            runID: "r1", stepID: "s", attempt: 0, status: .reused, outputs: ["b": .int(1), "a": .string("x/y")],
            artifacts: ["p"], startedAt: instant(1))
        try await store.insertAttempt(record)
        let stored = try await store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT outputs FROM step_attempts UNION ALL SELECT artifacts FROM step_attempts")
        }
        #expect(stored == [#"{"a":"x/y","b":1}"#, #"["p"]"#])
    }

    @Test(arguments: StoreKind.all) func aFailureStoresKindMessageAndStderrTail(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        try await store.insertAttempt(
            AttemptRecord(runID: "r1", stepID: "tts", attempt: 1, artifacts: ["partial.wav"], startedAt: instant(1)))
        let failure = StepFailure(
            .rateLimit, "HTTP 429 from the speech API.", retryAfter: .seconds(30), stderrTail: "l1\nl2")
        try await store.finishAttempt(
            runID: "r1", stepID: "tts", attempt: 1, status: .failed, failure: failure, result: nil, at: instant(3))
        let attempt = try #require(try await store.attempts(runID: "r1").first)
        #expect(attempt.status == .failed && attempt.failureKind == .rateLimit && attempt.finishedAt == instant(3))
        #expect(attempt.error == "HTTP 429 from the speech API." && attempt.stderrTail == "l1\nl2")
        #expect(attempt.outputs == nil && attempt.artifacts == ["partial.wav"])
    }

    @Test(arguments: StoreKind.all) func onlyARunningAttemptCanBeFinished(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        try await store.insertAttempt(AttemptRecord(runID: "r1", stepID: "tts", attempt: 1, startedAt: instant(1)))
        let finish = { @Sendable (attempt: Int) in
            try await store.finishAttempt(
                runID: "r1", stepID: "tts", attempt: attempt, status: .succeeded, failure: nil,
                result: StepResult(outputs: [:]), at: instant(2))
        }
        try await finish(1)
        await #expect(throws: StoreError.attemptNotRunning(runID: "r1", stepID: "tts", attempt: 1, status: .succeeded))
        {
            try await finish(1)
        }
        await #expect(throws: StoreError.attemptNotFound(runID: "r1", stepID: "tts", attempt: 2)) {
            try await finish(2)
        }
    }

    @Test(arguments: StoreKind.all) func outputsJSONCannotHoldAreAnErrorNotLost(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        try await store.insertAttempt(AttemptRecord(runID: "r1", stepID: "math", attempt: 1, startedAt: instant(1)))
        await #expect(throws: StoreError.self) {
            try await store.finishAttempt(
                runID: "r1", stepID: "math", attempt: 1, status: .succeeded, failure: nil,
                result: StepResult(outputs: ["x": .double(.nan)]), at: instant(2))
        }
        #expect(try await store.attempts(runID: "r1").first?.status == .running)
    }

    @Test(arguments: StoreKind.all) func attemptsComeInTheOrderTheyWereRecorded(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        let recorded: [(String, Int, AttemptStatus)] = [
            ("video", 1, .running), ("audio", 1, .failed), ("upload", 0, .skipped), ("audio", 2, .running),
            ("topic", 0, .reused), ("thumb", 1, .succeeded),
        ]
        for (step, number, status) in recorded {
            try await store.insertAttempt(
                AttemptRecord(runID: "r1", stepID: step, attempt: number, status: status, startedAt: instant(1)))
        }
        let order = try await store.attempts(runID: "r1").map { "\($0.stepID)#\($0.attempt)" }
        #expect(order == ["video#1", "audio#1", "upload#0", "audio#2", "topic#0", "thumb#1"])
    }

    @Test(arguments: StoreKind.all) func anAttemptIsRecordedOnce(_ kind: StoreKind) async throws {
        let store = try await Self.storeWithRun(kind)
        let attempt = AttemptRecord(runID: "r1", stepID: "tts", attempt: 1, startedAt: instant(1))
        try await store.insertAttempt(attempt)
        await #expect(throws: (any Error).self) { try await store.insertAttempt(attempt) }
        await #expect(throws: (any Error).self) {
            try await store.insertAttempt(
                AttemptRecord(runID: "no-such-run", stepID: "tts", attempt: 1, startedAt: instant(1)))
        }
    }

    @Test func deletingARunDeletesItsAttemptsAndKeepsWhatMustOutliveIt() async throws {
        let store = try await Self.sqliteStoreWithRun()
        try await insert(makeRun("r2", trigger: .retry, retryOf: "r1"), into: store)
        try await store.insertAttempt(AttemptRecord(runID: "r1", stepID: "tts", attempt: 1, startedAt: instant(1)))
        try await store.markTopicUsed(
            accountID: "cooking", list: "topics.txt", topic: "Soup", runID: "r1", at: instant(1))
        try await store.writer.write { db in try db.execute(sql: "DELETE FROM runs WHERE id = 'r1'") }
        #expect(try await store.attempts(runID: "r1").isEmpty)
        #expect(try await store.run(id: "r2")?.retryOf == nil)
        #expect(try await store.usedTopics(accountID: "cooking", list: "topics.txt") == ["Soup"])
    }
}
