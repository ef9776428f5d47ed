import Foundation
import Testing

/// One daemon per state folder, and no store made outside a config folder.
@Suite(.serialized) struct StateFolderTests {
    /// Runs the binary and waits at most `timeout` for it to exit (a daemon that starts anyway is killed).
    static func runBounded(
        _ arguments: [String], in directory: URL, timeout: TimeInterval = 60
    ) throws -> (
        status: Int32?, stderr: String
    ) {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let exited = !process.isRunning
        if !exited { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (exited ? process.terminationStatus : nil, stderr)
    }

    @Test func aSecondDaemonOnTheSameStateExitsNamingTheFirstOnesPID() throws {
        let folder = try TriggerCommandTests.config("    - { id: hello, uses: command, with: { run: [echo, hi] } }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try DaemonProcess(config: folder)
        defer { _ = first.stop(SIGKILL) }
        _ = try first.baseURL()

        let second = try Self.runBounded(["run", "--config", folder.path, "--listen", "127.0.0.1:0"], in: folder)
        #expect(second.status == 1)
        #expect(second.stderr.contains("pid \(first.process.processIdentifier)"), "\(second.stderr)")
        #expect(second.stderr.contains("--state"))
        #expect(first.process.isRunning)

        #expect(first.stop(SIGKILL) != 0)  // the kernel drops the lock with the process: a new daemon starts
        let third = try DaemonProcess(config: folder)
        defer { _ = third.stop(SIGKILL) }
        _ = try third.baseURL()
        #expect(third.stop() == 0)
    }

    @Test(arguments: [["history"], ["trigger", "demo"], ["run", "--listen", "127.0.0.1:0"], ["show", "x"]])
    func aCommandOutsideAConfigFolderRefusesAndCreatesNothing(_ arguments: [String]) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.runBounded(arguments, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no accounts.d/ folder"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
