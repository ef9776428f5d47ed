import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import Testing

/// `POST /api/runs/{id}/retry` and `…/cancel`.
struct RunActionsTests {
    @Test func retryAnswers202WithTheNewRun() async throws {
        let daemon = FakeDaemon()
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/runs/r-cook-2/retry")
            #expect(answer.status == 202)
            #expect(answer.json["run_id"]?.stringValue == "retry-r-cook-2")
        }
        #expect(await daemon.calls == [.retry("r-cook-2")])
    }

    @Test func retryRefusedByTheLauncherIs409WithItsMessage() async throws {
        let refusal = RunRefusal.nothingToRetry("r-cook-1", .succeeded)
        let daemon = FakeDaemon(errors: ["r-cook-1": refusal])
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/runs/r-cook-1/retry")
            #expect(answer.status == 409)
            #expect(
                answer.errorMessage
                    == "Run 'r-cook-1' is succeeded; only failed, cancelled or interrupted runs can be retried.")
        }
    }

    @Test func retryOfAnUnknownRunIs404AndNeverReachesTheDaemon() async throws {
        let daemon = FakeDaemon()
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/runs/r-nope/retry")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "No run with id 'r-nope'.")
        }
        #expect(await daemon.calls == [])
    }

    @Test func retryOfARunTheDaemonCannotFindIs404() async throws {
        let daemon = FakeDaemon(errors: ["r-cook-2": RunRefusal.noSuchRun("r-cook-2")])
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/runs/r-cook-2/retry")
            #expect(answer.status == 404)
        }
    }

    @Test func cancelOfAnActiveRunAnswers202() async throws {
        let daemon = FakeDaemon(cancellable: ["r-cook-3"])
        try await APIHarness(daemon: daemon).run { client in
            let answer = try await client.post("/api/runs/r-cook-3/cancel")
            #expect(answer.status == 202)
            #expect(answer.json["run_id"]?.stringValue == "r-cook-3")
        }
        #expect(await daemon.calls == [.cancel("r-cook-3")])
    }

    @Test func cancelOfAFinishedRunIs409() async throws {
        try await APIHarness(daemon: FakeDaemon(cancellable: ["r-cook-3"])).run { client in
            let answer = try await client.post("/api/runs/r-cook-1/cancel")
            #expect(answer.status == 409)
            #expect(answer.errorMessage == "Run 'r-cook-1' is succeeded; only queued or running runs can be cancelled.")
        }
    }

    @Test func cancelOfAnUnknownRunIs404() async throws {
        try await APIHarness().run { client in
            let answer = try await client.post("/api/runs/r-nope/cancel")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "No run with id 'r-nope'.")
        }
    }
}
