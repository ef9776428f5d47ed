import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `trigger` and `retry` take the daemon's path through the run coordinator: the account's state, its overlap
/// against a running daemon; and the daemon rescans on SIGHUP. Real binary, real SQLite file.
@Suite(.serialized) struct RunLifecycleCommandTests {
    /// The account as the API shows it (a daemon started and stopped for the look).
    static func accountStatus(_ folder: URL) throws -> [String: Any] {
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop() }
        let reply = try HTTP.call("GET", try daemon.baseURL().appendingPathComponent("api/accounts/demo"))
        return try #require(reply.json as? [String: Any], "status \(reply.status)")
    }

    static func runID(ofJSON text: String) throws -> String {
        let rows = try #require(try TriggerCommandTests.json(text) as? [[String: Any]])
        return try #require(rows.first?["run"] as? String)
    }

    @Test func aCLIRetryThatSucceedsAfterAnAuthFailureClearsTheAuthFlag() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let revoked = folder.appendingPathComponent("revoked")
        try Data().write(to: revoked)
        let server = try AuthGateServer(revokedWhile: revoked.path)
        defer { server.stop() }
        let config = try TriggerCommandTests.config(
            "    - { id: call, uses: http, with: { url: \"http://127.0.0.1:\(server.port)/videos\" } }")
        defer { try? FileManager.default.removeItem(at: config) }
        let failed = try CommandRunner.run(["trigger", "demo", "--config", config.path, "--format", "json"])
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
        #expect(try Self.accountStatus(config)["auth_flag"] is String)  // CLI runs set it too
        try FileManager.default.removeItem(at: revoked)  // `showrunner auth youtube` fixed it
        let retry = try CommandRunner.run(["retry", try Self.runID(ofJSON: failed.stdout), "--config", config.path])
        #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")
        #expect(try Self.accountStatus(config)["auth_flag"] is NSNull)
    }

    @Test func aCLITriggerThatSucceedsResetsTheFailureCount() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken")
        let config = try TriggerCommandTests.config(
            "    - { id: work, uses: command, with: { run: [sh, -c, 'if [ -e \(broken.path) ]; then exit 64; fi'] } }")
        defer { try? FileManager.default.removeItem(at: config) }
        let account = config.appendingPathComponent("accounts.d/demo.yaml")
        let text = try String(contentsOf: account, encoding: .utf8)
        try text.replacingOccurrences(of: "cron: \"0 9 * * *\"", with: "cron: \"0 9 * * *\", pause_after_failures: 2")
            .write(to: account, atomically: true, encoding: .utf8)
        let trigger = { try CommandRunner.run(["trigger", "demo", "--config", config.path]) }
        try Data().write(to: broken)
        #expect(try trigger().status == 1)
        try FileManager.default.removeItem(at: broken)
        #expect(try trigger().status == 0)
        try Data().write(to: broken)
        #expect(try trigger().status == 1)
        #expect(try Self.accountStatus(config)["paused"] as? Bool == false)  // failure, success, failure
        #expect(try trigger().status == 1)
        let paused = try Self.accountStatus(config)
        #expect(paused["paused"] as? Bool == true)
        #expect((paused["pause_reason"] as? String)?.hasPrefix("paused after 2 consecutive failed runs") == true)
    }

    @Test func aCLITriggerHonoursOverlapSkipWhileTheDaemonRunsTheAccount() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = folder.appendingPathComponent("started")
        let config = try TriggerCommandTests.config(
            "    - { id: slow, uses: command, with: { run: [sh, -c, 'touch \(started.path); sleep 120'] } }",
            settings: "shutdown_grace: 1s\n")
        defer { try? FileManager.default.removeItem(at: config) }
        let daemon = try DaemonProcess(config: config)
        defer { _ = daemon.stop() }
        let base = try daemon.baseURL()
        #expect(try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo")).status == 202)
        #expect(TriggerCommandTests.waitForFile(started.path))
        let trigger = try CommandRunner.run(["trigger", "demo", "--config", config.path])
        #expect(trigger.status == 1)
        #expect(trigger.stdout.contains("the previous run of this account was still active (overlap: skip)"))
        let history = try CommandRunner.run(["history", "demo", "--config", config.path, "--format", "json"])
        #expect(history.stdout.contains("\"skipped\""), "\(history.stdout)")
    }

    @Test func runsACLITriggerEndedAppearInTheDaemonsMetrics() throws {
        let config = try TriggerCommandTests.config("    - { id: hello, uses: command, with: { run: [\"true\"] } }")
        defer { try? FileManager.default.removeItem(at: config) }
        let daemon = try DaemonProcess(config: config)
        defer { _ = daemon.stop() }
        let metrics = try daemon.baseURL().appendingPathComponent("metrics")
        let counted = #"showrunner_runs_total{account="demo",status="succeeded"} "#
        #expect(!(try HTTP.call("GET", metrics).text.contains(counted)))
        #expect(try CommandRunner.run(["trigger", "demo", "--config", config.path]).status == 0)
        #expect(try CommandRunner.run(["trigger", "demo", "--config", config.path]).status == 0)
        let text = try HTTP.call("GET", metrics).text
        #expect(text.contains(counted + "2"), "\(text)")
        #expect(text.contains(#"showrunner_last_success_timestamp_seconds{account="demo"} "#))
        #expect(try HTTP.call("GET", metrics).text.contains(counted + "2"))  // each run counted once
    }

    @Test func sighupRescansTheConfigFolderWithWatchingOff() throws {
        let config = try TriggerCommandTests.config(
            "    - { id: hello, uses: command, with: { run: [\"true\"] } }", settings: "watch: off\n")
        defer { try? FileManager.default.removeItem(at: config) }
        let daemon = try DaemonProcess(config: config)
        defer { _ = daemon.stop() }
        let jobs = try daemon.baseURL().appendingPathComponent("api/scheduler/jobs")
        let cron = { (reply: HTTP.Reply) in
            ((reply.json as? [String: Any])?["jobs"] as? [[String: Any]])?.first?["cron"] as? String
        }
        #expect(cron(try HTTP.call("GET", jobs)) == "0 9 * * *")
        let account = config.appendingPathComponent("accounts.d/demo.yaml")
        let text = try String(contentsOf: account, encoding: .utf8)
        try text.replacingOccurrences(of: "0 9 * * *", with: "30 10 * * *")
            .write(to: account, atomically: true, encoding: .utf8)
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(cron(try HTTP.poll("GET", jobs, timeout: 60) { cron($0) == "30 10 * * *" }) == "30 10 * * *")
        #expect(daemon.process.isRunning)
    }
}
