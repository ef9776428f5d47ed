import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore
import Testing

struct TmpProbeTests {
    @Test func dump() async throws {
        try await APIHarness().run { client in
            let doc = try await client.get("/api/openapi.json")
            try doc.body.write(to: URL(fileURLWithPath: "/tmp/openapi.json"))
            let run = try await client.get("/api/runs/r-cook-2")
            try run.body.write(to: URL(fileURLWithPath: "/tmp/run.json"))
        }
    }

    @Test func manyJobs() async throws {
        let store = try SQLiteStore.inMemory()
        var jobs: [ShowrunnerEngine.SchedulerJob] = []
        for i in 0..<10_000 {
            jobs.append(try Fixtures.job("acct-\(i)", cron: "0 9 * * *", timezone: "UTC", next: Date()))
            _ = try await store.insertRun(
                RunRecord(
                    id: "run-\(i)", accountID: "acct-\(i)", pipeline: "p", trigger: .manual, status: .succeeded,
                    createdAt: Date(), finishedAt: Date()))
        }
        var start = ContinuousClock.now
        for job in jobs { _ = try await store.runs(matching: RunQuery(accountID: job.accountID, limit: 1)) }
        print("jobs: 10k queries \(start.duration(to: .now))")
        start = ContinuousClock.now
        for job in jobs { _ = try await store.run(id: "run-" + job.accountID.dropFirst(5)) }
        print("jobs: 10k run(id:) \(start.duration(to: .now))")
        start = ContinuousClock.now
        _ = try await store.runs(matching: RunQuery(limit: 10_000))
        print("jobs: one 10k query \(start.duration(to: .now))")
        try await APIHarness(daemon: FakeDaemon(jobs: jobs), store: try SQLiteStore.inMemory()).run { client in
            let start = ContinuousClock.now
            let answer = try await client.get("/api/scheduler/jobs")
            print("jobs: empty store \(answer.status) \(answer.body.count) bytes in \(start.duration(to: .now))")
        }
        try await APIHarness(daemon: FakeDaemon(jobs: jobs), store: store).run { client in
            for _ in 0..<3 {
                let start = ContinuousClock.now
                let answer = try await client.get("/api/scheduler/jobs")
                print("jobs: \(answer.status) \(answer.body.count) bytes in \(start.duration(to: .now))")
            }
        }
    }
}
