import ArgumentParser
import Foundation
import Testing

@testable import ShowrunnerCLI

/// Commands run in-process: a command that cannot go on throws `CommandFailure` (main prints it and exits 1)
/// instead of exiting the test process.
struct InProcessCommandTests {
    @Test func anUnknownAccountIsAThrownFailureNotAnExit() async throws {
        let folder = try TriggerCommandTests.config("    - { id: hello, uses: command, with: { run: [\"true\"] } }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try #require(
            try ShowrunnerCommand.parseAsRoot(["trigger", "demoo", "--config", folder.path]) as? TriggerCommand)
        let failure = await #expect(throws: CommandFailure.self) { try await command.run() }
        #expect(failure?.message == "no account 'demoo' in \(folder.path)/accounts.d/. Did you mean 'demo'?")
    }

    @Test func aFolderWithoutAccountsIsAThrownFailure() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try #require(
            try ShowrunnerCommand.parseAsRoot(["retry", "r1", "--config", folder.path]) as? RetryCommand)
        let failure = await #expect(throws: CommandFailure.self) { try await command.run() }
        #expect(failure?.message.contains("is not a showrunner config folder") == true)
    }
}
