import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

#if canImport(Glibc)
    import Glibc
#endif

/// What an attempt whose showrunner died leaves behind is ended before the next attempt of the step runs.
struct ProcessLedgerTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    /// A session like a killed attempt's: a shell leads it, a background `sleep` is its child. Returns both pids.
    func leftoverSession() async throws -> (leader: pid_t, member: pid_t) {
        let folder = fixture.root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = [
            "sh", "-c", "sleep 600 & echo $! > member.tmp; mv member.tmp member; echo $$ > leader; wait",
        ]
        process.currentDirectoryURL = folder
        try process.run()
        let member = try await ProcessProbe.waitForPID(in: folder.appendingPathComponent("member"))
        let leader = try await ProcessProbe.waitForPID(in: folder.appendingPathComponent("leader"))
        return (leader, member)
    }

    /// Polls until `pids` are all gone (bounded); true when they are.
    func gone(_ pids: [pid_t], within limit: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while pids.contains(where: ProcessProbe.isAlive) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test func reapingEndsEveryProcessOfARecordedSession() async throws {
        let (leader, member) = try await leftoverSession()
        let ledger = ProcessLedger(artifactsDirectory: fixture.artifactsDirectory)
        ledger.record(leader, program: "sh")

        #expect(await ledger.reapLeftovers() == 1)
        #expect(await gone([leader, member]))
        let left = try FileManager.default.contentsOfDirectory(atPath: ledger.folder.path)
        #expect(left.isEmpty)
    }

    /// The child ran ahead of its record (showrunner died between the spawn and writing the leader's pid): the
    /// token it carries in its environment, recorded before the spawn, still finds it and what it started.
    @Test func reapingEndsTheProcessesOfAChildRecordedOnlyByItsToken() async throws {
        let ledger = ProcessLedger(artifactsDirectory: fixture.artifactsDirectory)
        let token = ledger.open(program: "sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["sh", "-c", "sleep 600 & echo $! > member.tmp; mv member.tmp member; wait"]
        process.currentDirectoryURL = fixture.root
        process.environment = ProcessInfo.processInfo.environment.merging([ProcessLedger.tokenVariable: token]) { $1 }
        try process.run()
        let member = try await ProcessProbe.waitForPID(in: fixture.root.appendingPathComponent("member"))
        defer {
            for pid in [process.processIdentifier, member] { kill(pid, SIGKILL) }
            process.waitUntilExit()
        }

        #expect(await ledger.reapLeftovers() == 1)
        #expect(await gone([process.processIdentifier, member]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: ledger.folder.path).isEmpty)
    }

    /// A recorded pid that now names another process (a later start, another boot) is left alone.
    @Test(arguments: [(1 as UInt64, nil as String?), (0, "another-boot")])
    func aRecordOfAnotherProcessIsIgnored(_ startOffset: UInt64, _ boot: String?) async throws {
        let (leader, member) = try await leftoverSession()
        defer { for pid in [leader, member] { kill(pid, SIGKILL) } }
        let stat = try #require(ProcessStat(pid: leader))
        let entry = ProcessLedger.Entry(
            pid: leader, startTime: stat.startTime + startOffset, bootID: boot ?? ProcessLedger.bootID, program: "sh")
        let ledger = ProcessLedger(artifactsDirectory: fixture.artifactsDirectory)
        try FileManager.default.createDirectory(at: ledger.folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(entry).write(to: ledger.folder.appendingPathComponent("\(leader).json"))

        #expect(await ledger.reapLeftovers() == 0)
        #expect(ProcessProbe.isAlive(leader) && ProcessProbe.isAlive(member))
    }

    @Test func aNewAttemptEndsWhatTheKilledAttemptLeftBeforeItRuns() async throws {
        let (leader, member) = try await leftoverSession()
        ProcessLedger(artifactsDirectory: fixture.artifactsDirectory).record(leader, program: "sh")
        let progress = ProgressLog()
        let probe = AliveProbe(pids: [leader, member])

        let result = try await AttemptProcessScope(step: probe).run(fixture.context([:], progress: progress.record))
        #expect(result.outputs["alive"] == .int(0))
        #expect(progress.lines.contains("ended 1 leftover process group(s) of an interrupted attempt"))
    }

    @Test func anAttemptRecordsEachChildWhileItRunsAndForgetsItAfter() async throws {
        let step = AttemptProcessScope(step: CommandStep())
        // The record is written before the spawn, under the token the child carries: it is there from the start.
        let result = try await step.run(
            fixture.context(["run": .strings("sh", "-c", "ls .children; echo \"$\(ProcessLedger.tokenVariable)\"")]))
        let lines = try #require(result.outputs["stdout"]?.stringValue).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "\(lines.last ?? "").json")
        let ledger = fixture.artifactsDirectory.appendingPathComponent(ProcessLedger.folderName).path
        #expect(try FileManager.default.contentsOfDirectory(atPath: ledger).isEmpty)
    }
}

/// A step that reports how many of `pids` are alive when it starts.
private struct AliveProbe: Step {
    let pids: [pid_t]

    func run(_ context: StepContext) async throws -> StepResult {
        StepResult(outputs: ["alive": .int(pids.filter(ProcessProbe.isAlive).count)])
    }
}
