import Foundation
import Testing

/// The real daemon's alerts: a failed run, the auto-pause it causes and a config error after a reload reach a
/// signed JSON webhook, and `history --alerts` shows the deliveries with the URL masked.
@Suite(.serialized) struct AlertDaemonTests {
    @Test func failedRunAutoPauseAndConfigErrorReachTheWebhook() throws {
        let receiver = try FakeWebhookReceiver(secret: "daemon-secret")
        defer { receiver.stop() }
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let accounts = folder.appendingPathComponent("accounts.d")
        try FileManager.default.createDirectory(at: accounts, withIntermediateDirectories: true)
        try """
        channel: { type: test }
        schedule: { cron: "0 9 * * *", pause_after_failures: 1 }
        pipeline:
          steps:
            - { id: broken, uses: command, with: { run: [sh, -c, 'exit 3'] }, retry: { attempts: 1 } }
        """.write(to: accounts.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
        try """
        notify:
          - { url: "\(receiver.url())", format: json, secret: "${env:HOOK_SECRET}" }
        """.write(to: folder.appendingPathComponent("showrunner.yaml"), atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(config: folder, environment: ["HOOK_SECRET": "daemon-secret"])
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()

        let trigger = try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo"))
        #expect(trigger.status == 202)
        let event = { (name: String) in
            { (request: [String: Any]) in
                (request["body"] as? [String: Any])?["event"] as? String == name
            }
        }
        let failed = receiver.wait(where: event("run_failed"))
        #expect(failed.count == 1)
        #expect(failed.first?["valid"] as? Bool == true)
        #expect(((failed.first?["body"] as? [String: Any])?["message"] as? String)?.contains("exit") == true)
        #expect(receiver.wait(where: event("account_paused")).count == 1)
        let listed = { (reply: HTTP.Reply) in ((reply.json as? [String: Any])?["alerts"] as? [[String: Any]]) ?? [] }
        let api = try HTTP.poll("GET", base.appendingPathComponent("api/alerts")) { reply in
            listed(reply).contains { $0["event"] as? String == "run_failed" && $0["status"] as? String == "delivered" }
        }
        #expect(
            listed(api).contains { $0["event"] as? String == "run_failed" && $0["status"] as? String == "delivered" })
        #expect(!api.text.contains("s3cr3t-token"))

        try "channel: [not, a, mapping\n".write(
            to: accounts.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        #expect(receiver.wait(where: event("config_error")).count >= 1)
        #expect(daemon.stop() == 0)

        let history = try CommandRunner.run(["history", "--alerts", "--config", folder.path, "--format", "json"])
        let rows = try #require(try TriggerCommandTests.json(history.stdout) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["event"] as? String }).isSuperset(of: ["run_failed", "account_paused"]))
        #expect(rows.allSatisfy { ($0["target"] as? String)?.hasSuffix("/***") == true })
        #expect(!history.stdout.contains("s3cr3t-token"))
    }
}
