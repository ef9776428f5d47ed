import Foundation
import Testing

/// The real daemon's alerts: a failed run, the auto-pause it causes and a config error after a reload reach a
/// signed JSON webhook, and `history --alerts` shows the deliveries with the URL masked.
@Suite(.serialized) struct AlertDaemonTests {
    @Test func failedRunAutoPauseAndConfigErrorReachTheWebhook() throws {
        let receiver = try FakeWebhookReceiver(secret: "daemon-secret")
        defer { receiver.stop() }
        let demo = """
            channel: { type: test }
            schedule: { cron: "0 9 * * *", pause_after_failures: 1 }
            pipeline:
              steps:
                - { id: broken, uses: command, with: { run: [sh, -c, 'exit 3'] }, retry: { attempts: 1 } }
            """
        let settings = """
            notify:
              - { url: "\(receiver.url())", format: json, secret: "${env:HOOK_SECRET}" }
            """
        let folder = try CommandRunner.configFolder(accounts: ["demo": demo], settings: settings)
        defer { try? FileManager.default.removeItem(at: folder) }
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
            to: folder.appendingPathComponent("accounts.d/broken.yaml"), atomically: true, encoding: .utf8)
        #expect(receiver.wait(where: event("config_error")).count >= 1)
        #expect(daemon.stop() == 0)

        let history = try CommandRunner.run(["history", "--alerts", "--config", folder.path, "--format", "json"])
        let rows = try #require(try TriggerCommandTests.json(history.stdout) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["event"] as? String }).isSuperset(of: ["run_failed", "account_paused"]))
        #expect(rows.allSatisfy { ($0["target"] as? String)?.hasSuffix("/***") == true })
        #expect(!history.stdout.contains("s3cr3t-token"))
    }

    /// A run fails while its receiver refuses connections; the daemon is killed (-9) with the delivery pending; the
    /// next start, with the receiver up again (its URL changed, its name kept), resends it once, signed.
    @Test func aPendingAlertIsResentOnceAfterAKillWhenTheReceiverRecovers() throws {
        let demo = """
            channel: { type: test }
            schedule: { cron: "0 9 * * *" }
            pipeline:
              steps:
                - { id: broken, uses: command, with: { run: [sh, -c, 'exit 3'] }, retry: { attempts: 1 } }
            """
        let settings = """
            notify:
              - { name: ops, url: "${env:HOOK_URL}", format: json, secret: "${env:HOOK_SECRET}", events: [run_failed] }
            """
        let folder = try CommandRunner.configFolder(accounts: ["demo": demo], settings: settings)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = "http://127.0.0.1:\(FakeWebhookReceiver.refusedPort())/hook/s3cr3t-token"
        let environment = ["HOOK_SECRET": "restart-secret", "SHOWRUNNER_ALERT_BACKOFF": "10m"]
        let listed = { (reply: HTTP.Reply) in ((reply.json as? [String: Any])?["alerts"] as? [[String: Any]]) ?? [] }
        let runFailed = { (reply: HTTP.Reply, status: String) in
            listed(reply).contains {
                $0["event"] as? String == "run_failed" && $0["status"] as? String == status
                    && ($0["attempts"] as? Int ?? 0) >= 1
            }
        }

        let first = try DaemonProcess(config: folder, environment: environment.merging(["HOOK_URL": refused]) { $1 })
        defer { _ = first.stop(SIGKILL) }
        let firstBase = try first.baseURL()
        #expect(try HTTP.call("POST", firstBase.appendingPathComponent("api/scheduler/trigger/demo")).status == 202)
        let pending = try HTTP.poll("GET", firstBase.appendingPathComponent("api/alerts")) { runFailed($0, "pending") }
        #expect(runFailed(pending, "pending"), "refused once: the delivery waits for its next attempt, 10 minutes on")
        #expect(first.stop(SIGKILL) != 0)

        let receiver = try FakeWebhookReceiver(secret: "restart-secret")
        defer { receiver.stop() }
        let second = try DaemonProcess(
            config: folder, environment: environment.merging(["HOOK_URL": receiver.url()]) { $1 })
        defer { _ = second.stop(SIGKILL) }
        let base = try second.baseURL()
        let received = receiver.wait()
        #expect(received.count == 1)
        #expect(received.first?["valid"] as? Bool == true, "the HMAC signature checks out")
        #expect((received.first?["body"] as? [String: Any])?["event"] as? String == "run_failed")
        let delivered = try HTTP.poll("GET", base.appendingPathComponent("api/alerts")) { runFailed($0, "delivered") }
        #expect(runFailed(delivered, "delivered"))
        #expect(second.stop() == 0)
        #expect(receiver.requests.count == 1, "sent once, not once per start")

        let history = try CommandRunner.run(["history", "--alerts", "--config", folder.path, "--format", "json"])
        let rows = try #require(try TriggerCommandTests.json(history.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "delivered")
        #expect(rows.first?["receiver"] as? String == "ops")
        #expect(rows.first?["attempts"] as? Int == 2, "one refused before the kill, one after the restart")
        #expect(!history.stdout.contains("s3cr3t-token"))
    }
}
