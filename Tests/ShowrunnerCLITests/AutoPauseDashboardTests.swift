import Foundation
import Testing

/// An account the daemon auto-pauses leaves the upcoming fires and shows its badge at once: the pause moves the
/// dashboard's schedule generation (before, the kept upcoming plan listed it for up to 30 s more).
@Suite(.serialized) struct AutoPauseDashboardTests {
    static func fires(_ reply: HTTP.Reply) -> [[String: Any]] {
        (reply.json as? [String: Any])?["fires"] as? [[String: Any]] ?? []
    }

    @Test func anAutoPausedAccountLeavesTheUpcomingFiresAndShowsItsBadgeAtOnce() throws {
        let demo = """
            channel: { type: test }
            schedule: { cron: "0 * * * *", pause_after_failures: 1 }
            pipeline:
              steps:
                - { id: broken, uses: command, with: { run: [sh, -c, 'exit 3'] }, retry: { attempts: 1 } }
            """
        let folder = try CommandRunner.configFolder(accounts: ["demo": demo])
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()
        let upcoming = URL(string: "\(base)/api/upcoming?hours=24")!
        let channels = base.appendingPathComponent("channels")

        #expect(!(try HTTP.call("GET", channels).text.contains("auto-paused")))
        // The plan is kept from here for up to 30 s unless the generation moves.
        let planned = Date()
        #expect(Self.fires(try HTTP.call("GET", upcoming)).count == 24)
        let trigger = try HTTP.call("POST", base.appendingPathComponent("api/scheduler/trigger/demo"))
        let runID = try #require((trigger.json as? [String: Any])?["run_id"] as? String)
        _ = try HTTP.poll("GET", base.appendingPathComponent("api/runs/\(runID)")) {
            (($0.json as? [String: Any])?["run"] as? [String: Any])?["status"] as? String == "failed"
        }
        let cleared = try HTTP.poll("GET", upcoming, timeout: 25 - Date().timeIntervalSince(planned)) {
            Self.fires($0).isEmpty
        }
        #expect(
            Self.fires(cleared).isEmpty, "the paused account still has fires \(Date().timeIntervalSince(planned)) s on")
        #expect(try HTTP.call("GET", channels).text.contains("auto-paused"))
        #expect(try HTTP.call("GET", base.appendingPathComponent("upcoming")).text.contains("0 fires of 0 scheduled"))
        #expect(daemon.stop() == 0)
    }
}
