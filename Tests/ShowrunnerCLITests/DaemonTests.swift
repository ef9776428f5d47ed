import Foundation
import Testing

/// The real daemon, end to end.
@Suite(.serialized) struct DaemonTests {
    static func jobs(_ reply: HTTP.Reply) -> [[String: Any]] {
        ((reply.json as? [String: Any])?["jobs"] as? [[String: Any]]) ?? []
    }

    static func status(_ reply: HTTP.Reply) -> String? {
        ((reply.json as? [String: Any])?["run"] as? [String: Any])?["status"] as? String
    }

    @Test func editTriggerThroughTheAPIAndReadTheRunFromHistory() throws {
        let folder = try TriggerCommandTests.config(
            """
                - { id: hello, uses: command, with: { run: [echo, hello] } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()
        let jobsURL = base.appendingPathComponent("api/scheduler/jobs")
        #expect(Self.jobs(try HTTP.call("GET", jobsURL)).first?["cron"] as? String == "0 9 * * *")

        let account = folder.appendingPathComponent("accounts.d/demo.yaml")
        let edited = try String(contentsOf: account, encoding: .utf8).replacingOccurrences(
            of: "0 9 * * *", with: "30 7 * * *")
        try edited.write(to: account, atomically: true, encoding: .utf8)  // temp file + rename, as editors do
        let jobs = try HTTP.poll("GET", jobsURL) { Self.jobs($0).first?["cron"] as? String == "30 7 * * *" }
        #expect(Self.jobs(jobs).first?["cron"] as? String == "30 7 * * *")

        let trigger = try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo"))
        #expect(trigger.status == 202)
        let runID = try #require((trigger.json as? [String: Any])?["run_id"] as? String)
        let run = try HTTP.poll("GET", base.appendingPathComponent("api/runs/\(runID)")) {
            Self.status($0) == "succeeded"
        }
        #expect(Self.status(run) == "succeeded")
        let status = try HTTP.call("GET", base.appendingPathComponent("api/accounts/demo")).json as? [String: Any]
        #expect(status?["id"] as? String == "demo")
        #expect(status?["scheduled"] as? Bool == true)
        #expect(try HTTP.call("GET", base.appendingPathComponent("api/accounts/nobody")).status == 404)
        #expect(daemon.stop() == 0)

        let history = try CommandRunner.run(["history", "--config", folder.path])
        #expect(history.stdout.contains(runID))
        #expect(history.stdout.contains("succeeded"))
    }

    @Test func sigtermDuringALongStepLeavesTheRunResumableAndARestartFinishesIt() throws {
        let folder = try TriggerCommandTests.config(
            """
                - { id: first, uses: command, with: { run: [sh, -c, 'echo x >> first.log'], workdir: . } }
                - id: long
                  uses: command
                  with: { run: [sh, -c, 'touch waiting; while [ ! -f go ]; do sleep 0.05; done'], workdir: . }
            """, settings: "shutdown_grace: 1s\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try DaemonProcess(config: folder)
        defer { _ = first.stop(SIGKILL) }
        let base = try first.baseURL()
        let trigger = try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo"))
        let runID = try #require((trigger.json as? [String: Any])?["run_id"] as? String)
        #expect(TriggerCommandTests.waitForFile(folder.appendingPathComponent("waiting").path))
        #expect(first.stop(SIGTERM) == 0)  // grace passes, the step is stopped, exit 0

        let show = try CommandRunner.run(["show", runID, "--config", folder.path, "--format", "json"])
        let stopped = try #require(try TriggerCommandTests.json(show.stdout) as? [String: Any])
        #expect((stopped["run"] as? [String: Any])?["status"] as? String == "running")

        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("go").path, contents: Data())
        let second = try DaemonProcess(config: folder)
        defer { _ = second.stop(SIGKILL) }
        let secondBase = try second.baseURL()
        let run = try HTTP.poll("GET", secondBase.appendingPathComponent("api/runs/\(runID)")) {
            Self.status($0) == "succeeded"
        }
        #expect(Self.status(run) == "succeeded")
        #expect(second.stop() == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("first.log"), encoding: .utf8) == "x\n")
    }
}
