import Foundation
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
            #expect(
                launch.arguments == ["--pdeathsig", "KILL", "--", folder.path + "/" + program]
                    + arguments.dropFirst())
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
    /// shell is killed with SIGKILL, and the child must be gone soon after (it would sleep for 10 minutes).
    @Test func aChildStartedAsPlannedDiesWithItsParent() async throws {
        let folder = try Self.programs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let launch = ChildLaunch.plan(Self.invocation(["sleep", "600"], path: nil, folder: folder))
        #expect(launch.wrapped)
        let command = ([launch.executable] + launch.arguments).joined(separator: " ")
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/sh")
        parent.arguments = ["-c", "\(command) & echo $! > child; wait"]
        parent.currentDirectoryURL = folder
        try parent.run()
        let child = try await ProcessProbe.waitForPID(in: folder.appendingPathComponent("child"))
        #expect(ProcessProbe.isAlive(child))

        kill(parent.processIdentifier, SIGKILL)
        parent.waitUntilExit()
        let deadline = ContinuousClock.now + .seconds(5)
        while ProcessProbe.isAlive(child), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!ProcessProbe.isAlive(child), "the child \(child) outlived its parent")
        kill(child, SIGKILL)
    }

    @Test func setprivIsFoundOnThisMachine() {
        #expect(ChildLaunch.setpriv != nil, "util-linux's setpriv is needed for the parent-death signal")
    }
}
