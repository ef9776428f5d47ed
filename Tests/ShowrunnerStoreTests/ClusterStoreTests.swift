import Foundation
import ShowrunnerCore
import ShowrunnerPostgres
import Testing

@testable import ShowrunnerStore

/// Several nodes on one PostgreSQL database: each fire makes one run, a node whose run was taken over can no
/// longer write to it, and the quota budget holds for all nodes together.
@Suite(.enabled(if: StoreKind.postgresURL != nil, "needs SHOWRUNNER_TEST_POSTGRES (scripts/test.sh starts a server)"))
struct ClusterStoreTests {
    /// `count` stores on one new schema, as `count` nodes see the database.
    static func nodes(_ count: Int, fences: [String?]? = nil) async throws -> [PostgresStore] {
        let first = try await StoreKind.openPostgres(fence: fences?[0] ?? nil)
        let schema = try await first.currentSchema()
        var stores = [first]
        for index in 1..<count {
            stores.append(try await StoreKind.openPostgres(fence: fences?[index] ?? nil, schema: schema))
        }
        return stores
    }

    @Test func threeNodesInsertingEveryFireMakeOneRunPerFire() async throws {
        let stores = try await Self.nodes(3)
        let fires = (0..<10).flatMap { account in (0..<20).map { second in (account, second) } }
        let won = try await withThrowingTaskGroup(of: [Bool].self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    let runs = fires.map { account, second in
                        makeRun(
                            "n\(index)-a\(account)-s\(second)", account: "a\(account)", trigger: .schedule,
                            scheduledAt: instant(Int64(second)))
                    }
                    return try await store.insertRuns(runs)
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(won.count { $0 } == fires.count)
        let stored = try await stores[0].runs(matching: RunQuery(limit: 10_000))
        #expect(stored.count == fires.count)
        #expect(Set(stored.map { "\($0.accountID)@\($0.scheduledAt!)" }).count == fires.count)
    }

    @Test func aNodeWhoseRunWasTakenOverCannotWriteToIt() async throws {
        let stores = try await Self.nodes(2, fences: ["node-a~1", "node-b~2"])
        let (a, b) = (stores[0], stores[1])
        let ownerA = RunOwner(host: "node-a~1", pid: 10, heartbeatAt: instant(0))
        try await insert(makeRun("r1", status: .running, owner: ownerA), into: a)
        try await a.insertAttempt(AttemptRecord(runID: "r1", stepID: "script", attempt: 1, startedAt: instant(1)))

        let ownerB = RunOwner(host: "node-b~2", pid: 20, heartbeatAt: instant(40))
        #expect(try await b.claimRun(id: "r1", owner: ownerB) { $0 == ownerA })

        await #expect(throws: PostgresStoreError.leaseLost(runID: "r1")) {
            try await a.finishAttempt(
                runID: "r1", stepID: "script", attempt: 1, status: .succeeded, failure: nil,
                result: StepResult(outputs: ["title": .string("from a")]), at: instant(41))
        }
        await #expect(throws: PostgresStoreError.leaseLost(runID: "r1")) {
            try await a.insertAttempt(AttemptRecord(runID: "r1", stepID: "tts", attempt: 1, startedAt: instant(41)))
        }
        await #expect(throws: PostgresStoreError.leaseLost(runID: "r1")) {
            try await a.updateRun(id: "r1", status: .failed, reason: "a gave up", owner: nil, at: instant(42))
        }
        await #expect(throws: PostgresStoreError.leaseLost(runID: "r1")) {
            try await a.heartbeat(runID: "r1", at: instant(42))
        }

        try await b.heartbeat(runID: "r1", at: instant(43))
        try await b.insertAttempt(AttemptRecord(runID: "r1", stepID: "script", attempt: 2, startedAt: instant(43)))
        try await b.updateRun(id: "r1", status: .succeeded, reason: nil, owner: nil, at: instant(44))
        let run = try #require(try await a.run(id: "r1"))
        #expect(run.status == .succeeded && run.reason == nil)
        #expect(try await a.attempts(runID: "r1").map(\.attempt) == [1, 2])
        #expect(try await a.attempts(runID: "r1").first?.status == .running)
    }

    @Test func spendersOnThreeNodesNeverGoOverTheBudget() async throws {
        let stores = try await Self.nodes(3)
        let day = PacificDay("2026-03-08")!
        let spent = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<60 {
                let store = stores[index % stores.count]
                group.addTask {
                    let answer = try await store.spend(100, project: "p", day: day, budget: 1_050)
                    if case .spent = answer { return 1 } else { return 0 }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(spent == 10)
        #expect(try await stores[1].usage(project: "p", day: day) == 1_000)
    }

    @Test func nodesHeartbeatTheirRow() async throws {
        let store = try await StoreKind.openPostgres(fence: nil)
        let node = ClusterNode(
            name: "n1", owner: "h~1", version: "0.1.0", configRevision: "abc", capacity: 4, running: 0,
            startedAt: instant(0), heartbeatAt: instant(1))
        try await store.heartbeat(node: node)
        var later = node
        later.running = 2
        later.heartbeatAt = instant(6)
        try await store.heartbeat(node: later)
        #expect(try await store.nodes() == [later])
    }

    @Test func aDatabaseMigratedByANewerVersionIsRefused() async throws {
        let store = try await StoreKind.openPostgres(fence: nil)
        try await store.recordFutureMigration("v999_future")
        await #expect(throws: PostgresStoreError.newerSchema(version: "v999_future")) { try await store.migrate() }
    }
}
