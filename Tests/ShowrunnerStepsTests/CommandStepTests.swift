import Foundation
import Logging
import ShowrunnerCore
import Synchronization
import Testing

@testable import ShowrunnerSteps

struct CommandStepTests {
    let fixture: StepFixture
    let step = CommandStep(logger: Logger(label: "test"))
    init() throws { fixture = try StepFixture() }

    private func shell(_ script: String, _ extra: [String: ConfigValue] = [:]) -> [String: ConfigValue] {
        extra.merging(["run": .strings("sh", "-c", script)]) { $1 }
    }

    @Test func aJSONObjectOnStdoutBecomesTheOutputs() async throws {
        let result = try await step.run(fixture.context(shell(#"printf '{"title": "Hi", "n": 3, "tags": ["a"]}\n'"#)))
        #expect(result.outputs == ["title": .string("Hi"), "n": .int(3), "tags": .strings("a")])
    }

    @Test func otherTextIsTheStdoutOutput() async throws {
        let result = try await step.run(fixture.context(["run": .strings("echo", "  hello  ", "world")]))
        #expect(result.outputs == ["stdout": .string("hello   world")])
    }

    @Test func envIsMergedAndWorkdirIsRelativeToTheConfigFolder() async throws {
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("work"), withIntermediateDirectories: true)
        let inputs = shell(
            #"printf '%s|%s|%s' "$GREETING" "$PWD" "${HOME:+home}""#,
            [
                "env": .map(["GREETING": .string("hi")]), "workdir": .string("work"),
            ])
        let result = try await step.run(fixture.context(inputs))
        let expected = "hi|\(fixture.configDirectory.path)/work|home"
        #expect(result.outputs["stdout"] == .string(expected))
    }

    @Test func theDefaultWorkdirIsTheArtifactsFolderAndStdinIsPassed() async throws {
        let result = try await step.run(
            fixture.context(shell(#"cat; printf ' in %s' "$PWD""#, ["stdin": .string("abc")])))
        #expect(result.outputs["stdout"] == .string("abc in \(fixture.artifactsDirectory.path)"))
    }

    @Test func stdinThatTheProgramNeverReadsIsHarmless() async throws {
        // Through a pipe, this would raise SIGPIPE in the test process once `true` has exited.
        let inputs: [String: ConfigValue] = [
            "run": .strings("true"), "stdin": .string(String(repeating: "x", count: 300_000)),
        ]
        let result = try await step.run(fixture.context(inputs))
        #expect(result.outputs == ["stdout": .string("")])
    }

    @Test func aProgramPathIsRelativeToTheConfigFolder() async throws {
        let script = try fixture.write("#!/bin/sh\necho \"script $1\"\n", to: "bin/hello.sh")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let result = try await step.run(fixture.context(["run": .strings("bin/hello.sh", "there")]))
        #expect(result.outputs["stdout"] == .string("script there"))
    }

    @Test(arguments: [
        (1, FailureKind.transient), (2, .transient), (64, .permanent), (65, .permanent), (75, .transient),
        (78, .permanent), (79, .transient), (127, .permanent), (255, .transient),
    ])
    func aNonZeroExitFailsWithItsStatusAndKind(_ status: Int, _ kind: FailureKind) async throws {
        let failure = await stepFailure {
            try await step.run(fixture.context(shell("echo starting >&2; echo 'it broke' >&2; exit \(status)")))
        }
        #expect(failure?.kind == kind)
        #expect(failure?.message == "command 'sh' exited with status \(status): it broke.")
        #expect(failure?.stderrTail == "starting\nit broke\n")
    }

    @Test func aSignalIsTransient() async throws {
        let failure = await stepFailure { try await step.run(fixture.context(shell("kill -KILL $$"))) }
        #expect(failure?.kind == .transient)
        #expect(failure?.message == "command 'sh' was killed by signal 9 (SIGKILL).")
    }

    @Test func onlyTheLastFourKilobytesOfStderrAreKept() async throws {
        let script = "i=0; while [ $i -lt 3000 ]; do echo \"line $i\" >&2; i=$((i+1)); done; exit 3"
        let failure = await stepFailure { try await step.run(fixture.context(shell(script))) }
        let tail = try #require(failure?.stderrTail)
        #expect(tail.utf8.count <= ProcessRunner.stderrTailLimit)
        #expect(tail.utf8.count > ProcessRunner.stderrTailLimit - 20)
        #expect(tail.hasSuffix("line 2999\n"))
        #expect(tail.hasPrefix("line "))
        #expect(failure?.message.hasSuffix("status 3: line 2999.") == true)
    }

    @Test func secretsAreRedactedInTheMessageAndTheStderrTail() async throws {
        let context = fixture.context(
            shell("echo \"token $TOKEN was rejected\" >&2; exit 77", ["env": .map(["TOKEN": .string("s3cr3t-value")])]),
            redact: { $0.replacingOccurrences(of: "s3cr3t-value", with: "***") })
        let failure = await stepFailure { try await step.run(context) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message == "command 'sh' exited with status 77: token *** was rejected.")
        #expect(failure?.stderrTail == "token *** was rejected\n")
    }

    @Test func stderrLinesAreReportedAsProgress() async throws {
        let lines = Mutex<[String]>([])
        let context = fixture.context(
            shell("echo 'frame 1' >&2; echo 'frame 2' >&2; echo done"),
            progress: { line in lines.withLock { $0.append(line) } })
        _ = try await step.run(context)
        #expect(lines.withLock { $0 }.last == "frame 2")
    }

    @Test(arguments: [
        (["run": ConfigValue.strings("no-such-program-showrunner")], "was not found on PATH"),
        (["run": .strings("bin/missing.sh")], "does not exist or is not executable"),
        (["run": .strings("true"), "workdir": .string("nowhere")], "workdir 'nowhere' is not a folder"),
        (["run": .string("echo hi")], "input 'run' must be a list"),
        (["run": .list([])], "input 'run' must name a program"),
    ])
    func aCommandThatCannotStartFailsPermanently(_ inputs: [String: ConfigValue], _ message: String) async throws {
        let failure = await stepFailure { try await step.run(fixture.context(inputs)) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains(message) == true, "\(String(describing: failure))")
    }

    @Test func invalidJSONIsPermanent() async throws {
        let failure = await stepFailure { try await step.run(fixture.context(shell(#"printf '{"title": '"#))) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message == #"command 'sh' printed invalid JSON: {"title":"#)
    }

    @Test func tooMuchStdoutIsPermanent() async throws {
        let failure = await stepFailure {
            try await step.run(fixture.context(shell("head -c 1100000 /dev/zero | tr '\\0' x")))
        }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains("more than 1024 KiB on stdout") == true)
    }

    @Test func aDryRunDescribesTheCommandWithoutRunningIt() async throws {
        let context = fixture.context(
            shell("touch ran.txt; echo s3cr3t-value"),
            redact: { $0.replacingOccurrences(of: "s3cr3t-value", with: "***") })
        let result = try await step.dryRun(context)
        let description = try #require(result.outputs["description"]?.stringValue)
        #expect(description == "would run sh -c 'touch ran.txt; echo ***' in \(fixture.artifactsDirectory.path)")
        #expect(
            !FileManager.default.fileExists(atPath: fixture.artifactsDirectory.appendingPathComponent("ran.txt").path))
    }
}
