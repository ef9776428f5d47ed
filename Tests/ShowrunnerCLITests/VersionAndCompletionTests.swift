import Foundation
import Testing

/// `showrunner --version` and the shell completion scripts, from the built binary.
@Suite struct VersionAndCompletionTests {
    @Test func versionNamesTheReleaseAndACommit() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            line.range(of: #"^showrunner \d+\.\d+\.\d+ \(commit [0-9a-z.-]+\)$"#, options: .regularExpression) != nil,
            "\(line)")
    }

    /// Each script names the subcommands and parses in its shell (when that shell is installed).
    @Test(arguments: [("bash", ["-n"]), ("zsh", ["-n"]), ("fish", ["--no-execute"])])
    func completionScriptsParse(shell: String, check: [String]) throws {
        let result = try CommandRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["validate", "doctor", "history", "schema"] {
            #expect(result.stdout.contains(command), "\(shell) script lacks \(command)")
        }
        let shells = ["/usr/bin/\(shell)", "/bin/\(shell)"].filter { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path = shells.first else { return }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("showrunner-completion-\(UUID())")
        defer { try? FileManager.default.removeItem(at: script) }
        try result.stdout.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = check + [script.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shell) cannot parse the script")
    }
}
