import Foundation
import Testing

/// The dashboard's JSON from the real daemon: its run in the statistics, its next fires, and a broken edit shown
/// with its source line while the last good version keeps running.
@Suite(.serialized) struct DashboardDaemonTests {
    static func object(_ reply: HTTP.Reply) -> [String: Any] { reply.json as? [String: Any] ?? [:] }

    static func lastGood(_ reply: HTTP.Reply) -> [[String: Any]] {
        object(reply)["last_good"] as? [[String: Any]] ?? []
    }

    @Test func statsUpcomingAndConfigStatusOfARunningDaemon() throws {
        let folder = try TriggerCommandTests.config(
            """
                - { id: hello, uses: command, with: { run: [echo, hello] } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()

        let upcoming = Self.object(try HTTP.call("GET", base.appendingPathComponent("api/upcoming")))
        let fires = upcoming["fires"] as? [[String: Any]] ?? []
        #expect(fires.count == 1)
        #expect(fires.first?["account_id"] as? String == "demo")
        #expect((fires.first?["local"] as? String)?.contains("T09:00:00") == true)

        let trigger = try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo"))
        let runID = try #require(Self.object(trigger)["run_id"] as? String)
        _ = try HTTP.poll("GET", base.appendingPathComponent("api/runs/\(runID)")) {
            (Self.object($0)["run"] as? [String: Any])?["status"] as? String == "succeeded"
        }
        let stats = Self.object(try HTTP.call("GET", URL(string: "\(base)/api/stats?days=7")!))
        #expect((stats["totals"] as? [String: Any])?["succeeded"] as? Int == 1)
        let steps = stats["steps"] as? [[String: Any]] ?? []
        #expect(steps.map { $0["kind"] as? String } == ["command"])
        #expect(steps.first?["p50_ms"] is Double || steps.first?["p50_ms"] is Int)

        let account = folder.appendingPathComponent("accounts.d/demo.yaml")
        let broken = try String(contentsOf: account, encoding: .utf8).replacingOccurrences(
            of: "0 9 * * *", with: "61 9 * * *")
        try broken.write(to: account, atomically: true, encoding: .utf8)
        let status = try HTTP.poll("GET", base.appendingPathComponent("api/config/status")) {
            !Self.lastGood($0).isEmpty
        }
        #expect(Self.lastGood(status).first?["account_id"] as? String == "demo")
        let files = Self.object(status)["files"] as? [[String: Any]] ?? []
        let diagnostic = (files.first?["diagnostics"] as? [[String: Any]])?.first
        #expect(files.first?["path"] as? String == "accounts.d/demo.yaml")
        #expect(diagnostic?["line"] as? Int == 2)
        #expect(diagnostic?["source_line"] as? String == #"schedule: { cron: "61 9 * * *" }"#)
        #expect((Self.object(status)["last_reload"] as? [String: Any])?["trigger"] as? String == "watch")

        let quota = try HTTP.call("GET", base.appendingPathComponent("api/quota"))
        #expect(quota.status == 200)
        #expect(Self.object(quota)["projects"] as? [Any] != nil)
        #expect(daemon.stop() == 0)
    }
}
