import Foundation
import Logging
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// Cancelling a `command` step (what the engine does on timeout and shutdown) ends the whole process tree.
struct CommandCancellationTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    private func pidFile(_ name: String) -> URL { fixture.artifactsDirectory.appendingPathComponent(name) }

    private func start(_ script: String, grace: Duration) -> Task<StepResult, any Error> {
        let step = CommandStep(grace: grace, logger: Logger(label: "test"))
        let context = fixture.context(["run": .strings("sh", "-c", script)])
        return Task { try await step.run(context) }
    }

    @Test func cancellingTheTaskKillsTheMainProcessAndItsChildren() async throws {
        let task = start("sleep 1000 & echo $! > child.pid; echo $$ > main.pid; exec sleep 1000", grace: .seconds(5))
        let child = try await ProcessProbe.waitForPID(in: pidFile("child.pid"))
        let main = try await ProcessProbe.waitForPID(in: pidFile("main.pid"))
        #expect(ProcessProbe.isAlive(child) && ProcessProbe.isAlive(main))

        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(!ProcessProbe.isAlive(main))
        #expect(!ProcessProbe.isAlive(child))
    }

    @Test func aChildThatIgnoresSIGTERMIsKilledAfterTheGrace() async throws {
        let script = "(trap '' TERM; exec sleep 1000) & echo $! > stubborn.pid; exec sleep 1000"
        let task = start(script, grace: .milliseconds(200))
        let stubborn = try await ProcessProbe.waitForPID(in: pidFile("stubborn.pid"))

        task.cancel()
        _ = await task.result
        #expect(!ProcessProbe.isAlive(stubborn))
    }

    /// The background `sleep` keeps stdout open after `sh` exits: the step must still finish, and end it.
    @Test func processesLeftBehindByAFinishedCommandAreEnded() async throws {
        let task = start("sleep 1000 & echo $! > left.pid; echo done", grace: .seconds(5))
        let result = try await task.value
        #expect(result.outputs["stdout"] == .string("done"))
        let left = try await ProcessProbe.waitForPID(in: pidFile("left.pid"))
        #expect(!ProcessProbe.isAlive(left))
    }
}
