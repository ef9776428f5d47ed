import Foundation
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

#if canImport(Glibc)
    import Glibc
#endif

/// Which children are started through `setpriv --pdeathsig KILL`, and which directly (so launch errors stay the
/// ones swift-subprocess reports).
struct ChildLaunchTests {
    static let wrapper = "/usr/bin/setpriv"

    /// A temporary folder with an ELF copy, a `#!` script, a script without `#!` and a file that is not executable.
    static func programs() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("launch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: folder.path + "/elf")
        let files = [
            ("script.sh", "#!/bin/sh\necho hi\n", 0o755), ("bare.sh", "echo hi\n", 0o755), ("data", "x", 0o644),
        ]
        for (name, text, mode) in files {
            try text.write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: folder.path + "/" + name)
        }
        return folder
    }

    static func invocation(_ arguments: [String], path: String?, folder: URL) -> CommandInvocation {
        CommandInvocation(
            arguments: arguments, executablePath: path, environment: ["PATH": folder.path + ":/usr/bin:/bin"],
            workingDirectory: folder, standardInput: nil)
    }

    @Test(
        arguments: [
            (["elf", "-x"], nil, true, "elf"),  // found on PATH: wrapped, resolved to its path
            (["./script.sh"], "script.sh", true, "script.sh"),
            (["./bare.sh"], "bare.sh", false, "bare.sh"),  // execvp would run it with sh; a direct spawn fails
            (["./data"], "data", false, "data"),
            (["no-such-program-showrunner"], nil, false, "no-such-program-showrunner"),
        ] as [([String], String?, Bool, String)])
    func plan(_ arguments: [String], _ file: String?, _ wrapped: Bool, _ program: String) throws {
        let folder = try Self.programs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = file.map { folder.path + "/" + $0 }
        let launch = ChildLaunch.plan(Self.invocation(arguments, path: path, folder: folder), wrapper: Self.wrapper)
        #expect(launch.wrapped == wrapped)
        if wrapped {
            #expect(launch.executable == Self.wrapper)
            let guarded = ["/bin/sh", "-c", ChildLaunch.guardScript(parent: getpid()), folder.path + "/" + program]
            #expect(launch.arguments == ["--pdeathsig", "KILL", "--"] + guarded + arguments.dropFirst())
        } else {
            #expect(launch.executable == path ?? program)
            #expect(launch.arguments == Array(arguments.dropFirst()))
        }
    }

    @Test func withoutAWrapperEveryChildIsStartedDirectly() throws {
        let folder = try Self.programs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let launch = ChildLaunch.plan(Self.invocation(["elf"], path: nil, folder: folder), wrapper: nil)
        #expect(launch == ChildLaunch(executable: "elf", arguments: [], wrapped: false))
    }

    /// The planned command line really ties the child to its parent: a shell starts it in the background, the
    /// shell is killed with SIGKILL, and the child must be gone soon after (it would sleep for a minute).
    @Test func aChildStartedAsPlannedDiesWithItsParent() async throws {
        let folder = try Self.programs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell says its pid, waits for the command line planned for it, and runs it as its direct child.
        let script = #"echo $$ > parent; while [ ! -f cmd ]; do sleep 0.01; done; eval "exec $(cat cmd)" & "#
        parent.arguments = ["-c", script + "echo $! > child; wait"]
        parent.currentDirectoryURL = folder
        try parent.run()
        let shell = try await ProcessProbe.waitForPID(in: folder.appendingPathComponent("parent"))
        let launch = ChildLaunch.plan(Self.invocation(["sleep", "60"], path: nil, folder: folder), parent: shell)
        #expect(launch.wrapped)
        let command = Self.invocation([launch.executable] + launch.arguments, path: nil, folder: folder).commandLine
        try command.write(to: folder.appendingPathComponent("cmd"), atomically: true, encoding: .utf8)
        let child = try await ProcessProbe.waitForPID(in: folder.appendingPathComponent("child"))
        defer { kill(child, SIGKILL) }
        #expect(await Self.within(Deadline.stuckAfter) { Self.name(of: child) == "sleep" })

        kill(parent.processIdentifier, SIGKILL)
        #expect(await Self.within(.seconds(5)) { !ProcessProbe.isAlive(child) }, "the child outlived its parent")
    }

    /// A child whose parent is not the one it was planned for (showrunner died before the signal was set) never
    /// starts the program.
    @Test func aChildWhoseParentIsAlreadyGoneDoesNotStart() throws {
        let folder = try Self.programs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let launch = ChildLaunch.plan(
            Self.invocation(["touch", "started"], path: nil, folder: folder), parent: getpid() + 1)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 129)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("started").path))
    }

    /// `/proc/<pid>/comm`, the program a process runs now.
    static func name(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
    }

    /// Polls `condition` until it holds (true) or `limit` passes (false).
    static func within(_ limit: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test func setprivIsFoundOnThisMachine() {
        #expect(ChildLaunch.setpriv != nil, "util-linux's setpriv is needed for the parent-death signal")
    }
}
