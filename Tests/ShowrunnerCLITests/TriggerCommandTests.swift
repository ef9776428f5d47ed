import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `trigger`, `history`, `show` and `retry` against the real binary and a real SQLite file.
@Suite(.serialized) struct TriggerCommandTests {
    /// A config folder with one account whose inline pipeline is made of `command` steps.
    static func config(_ steps: String, settings: String = "") throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("accounts.d"), withIntermediateDirectories: true)
        let account = """
            channel: { type: test }
            schedule: { cron: "0 9 * * *" }
            pipeline:
              steps:
            \(steps)
            """
        try account.write(to: folder.appendingPathComponent("accounts.d/demo.yaml"), atomically: true, encoding: .utf8)
        if !settings.isEmpty {
            try settings.write(to: folder.appendingPathComponent("showrunner.yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// Waits (polling, bounded) until `path` exists; the condition, not the time, ends the wait.
    static func waitForFile(_ path: String, timeout: TimeInterval = 180) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: path) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Running or sleeping; a zombie (dead, waiting for init to reap it) counts as gone.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return errno != ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    @Test func triggerRunsThePipelineAndHistoryAndShowReadIt() throws {
        let folder = try Self.config(
            """
                - { id: hello, uses: command, with: { run: [sh, -c, 'echo "{\\"greeting\\": \\"hi\\"}"'] } }
                - { id: shout, uses: command, with: { run: [sh, -c, 'echo "{{ steps.hello.greeting }}!"'] } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trigger = try CommandRunner.run(["trigger", "demo", "--config", folder.path])
        #expect(trigger.status == 0, "\(trigger.stdout)\(trigger.stderr)")
        #expect(trigger.stdout.contains("✔ hello"))
        #expect(trigger.stdout.contains("✔ shout"))

        let history = try CommandRunner.run(["history", "--config", folder.path, "--format", "json"])
        let runs = try #require(try Self.json(history.stdout) as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs.first?["status"] as? String == "succeeded")
        #expect(runs.first?["trigger"] as? String == "manual")
        let runID = try #require(runs.first?["id"] as? String)

        let show = try CommandRunner.run(["show", runID, "--config", folder.path, "--format", "json"])
        let document = try #require(try Self.json(show.stdout) as? [String: Any])
        let attempts = try #require(document["attempts"] as? [[String: Any]])
        #expect((attempts.last?["outputs"] as? [String: String])?["stdout"] == "hi!")
        let text = try CommandRunner.run(["show", runID, "--config", folder.path])
        #expect(text.stdout.contains("status     succeeded"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state/showrunner.sqlite").path))
    }

    @Test func aFailedRunExitsOneAndRetryRerunsOnlyTheFailedStep() throws {
        let folder = try Self.config(
            """
                - { id: count, uses: command, with: { run: [sh, -c, 'echo x >> count.log'], workdir: . } }
                - id: flaky
                  uses: command
                  retry: { attempts: 1 }
                  with: { run: [sh, -c, 'test -f fixed || { echo "not fixed yet" >&2; exit 65; }'], workdir: . }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CommandRunner.run(["trigger", "demo", "--config", folder.path])
        #expect(first.status == 1)
        #expect(first.stdout.contains("✘ flaky  attempt 1 failed (permanent)"))
        let runID = try #require(
            (try Self.json(
                try CommandRunner.run(["history", "--config", folder.path, "--format", "json"]).stdout)
                as? [[String: Any]])?
                .first?["id"] as? String)
        let show = try CommandRunner.run(["show", runID, "--config", folder.path])
        #expect(show.stdout.contains("stderr│ not fixed yet"))

        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("fixed").path, contents: Data())
        let retry = try CommandRunner.run(["retry", runID, "--config", folder.path])
        #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")
        let lines = try String(contentsOf: folder.appendingPathComponent("count.log"), encoding: .utf8)
        #expect(lines == "x\n")  // the first step's side effect happened once
        let again = try CommandRunner.run(["retry", runID, "--config", folder.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("was already retried as"))
    }

    @Test func killNineInTheMiddleThenRetryFinishesTheRunWithoutRedoingTheFirstStep() throws {
        let folder = try Self.config(
            """
                - { id: first, uses: command, with: { run: [sh, -c, 'echo x >> side-effect.log'], workdir: . } }
                - id: wait
                  uses: command
                  with: { run: [sh, -c, 'touch waiting; while [ ! -f go ]; do sleep 0.05; done; echo waited'], workdir: . }
                - { id: last, uses: command, with: { run: [echo, done] } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["trigger", "demo", "--config", folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        #expect(Self.waitForFile(folder.appendingPathComponent("waiting").path))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()  // reap it, so its pid is really gone
        #expect(process.terminationReason == .uncaughtSignal)

        let history = try CommandRunner.run(["history", "--config", folder.path, "--format", "json"])
        let run = try #require((try Self.json(history.stdout) as? [[String: Any]])?.first)
        #expect(run["status"] as? String == "running")
        let runID = try #require(run["id"] as? String)

        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("go").path, contents: Data())
        let retry = try CommandRunner.run(["retry", runID, "--config", folder.path])
        #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")

        let sideEffects = try String(contentsOf: folder.appendingPathComponent("side-effect.log"), encoding: .utf8)
        #expect(sideEffects == "x\n")
        let show = try CommandRunner.run(["show", runID, "--config", folder.path, "--format", "json"])
        let document = try #require(try Self.json(show.stdout) as? [String: Any])
        #expect((document["run"] as? [String: Any])?["status"] as? String == "succeeded")
        let attempts = try #require(document["attempts"] as? [[String: Any]])
        let summary = attempts.map {
            "\($0["step_id"] as? String ?? "?")#\($0["attempt"] as? Int ?? -1):\($0["status"] as? String ?? "?")"
        }
        #expect(summary == ["first#1:succeeded", "wait#1:failed", "wait#2:succeeded", "last#1:succeeded"])
        #expect(attempts[1]["error"] as? String == "interrupted: the process running this attempt stopped.")
    }

    @Test func aTimeoutKillsTheWholeProcessTreeOfACommand() throws {
        let folder = try Self.config(
            """
                - id: tree
                  uses: command
                  timeout: 1s
                  retry: { attempts: 1 }
                  with: { run: [sh, -c, 'sleep 1000 & echo $! > child.pid; echo $$ > parent.pid; wait'], workdir: . }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["trigger", "demo", "--config", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("failed (timeout)"))
        for name in ["child.pid", "parent.pid"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!Self.isAlive(pid), "\(name) \(pid) is still alive")
        }
    }

    @Test func dryRunDescribesSideEffectsWithoutPerformingThem() throws {
        let folder = try Self.config(
            """
                - { id: post, uses: command, side_effects: true, with: { run: [sh, -c, 'touch posted'], workdir: . } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["trigger", "demo", "--dry-run", "--config", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("posted").path))
    }

    @Test(arguments: [
        (["trigger"], 2, "Name accounts to trigger, or pass --all"),
        (["trigger", "nobody"], 1, "error: no account 'nobody'"),
        (["show", "no-such-run"], 1, "error: no run with id 'no-such-run'"),
        (["retry", "no-such-run"], 1, "error: no run with id 'no-such-run'"),
        (["history", "--status", "done"], 2, "--status must be one of"),
    ])
    func badInput(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try Self.config("    - { id: a, uses: command, with: { run: [true] } }\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(arguments + ["--config", folder.path])
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
