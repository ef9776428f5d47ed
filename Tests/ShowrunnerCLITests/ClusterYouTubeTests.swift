import Foundation
import ShowrunnerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Cluster item 4 and 5 with the real binary, several daemons on one PostgreSQL database and the fake YouTube:
/// `kill -9` of the uploading node → another node continues the same upload session, one video; three nodes
/// against a small quota budget never spend more than it together.
@Suite(.serialized, .enabled(if: ClusterDatabase.url != nil, "needs SHOWRUNNER_TEST_POSTGRES"))
struct ClusterYouTubeTests {
    static let chunk = 256 * 1024

    /// A config folder on `database` whose accounts `ids` make a `megabytes` MB file and upload it.
    static func config(
        _ server: FakeYouTubeServer, database: String, ids: [String], megabytes: Int, daily: Int
    )
        throws -> URL
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-yt-\(UUID().uuidString)")
        for sub in ["accounts.d", "secrets"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var files = [
            "showrunner.yaml": """
            store: "\(database)"
            shutdown_grace: 2s
            providers:
              youtube:
                token_url: \(server.tokenURL)
                api_base: \(server.apiBase)
                upload_base: \(server.uploadBase)
                quota: { daily_units: \(daily), insert_cost: 1600 }
            """,
            "secrets/demo.json": """
            {"type": "authorized_user", "client_id": "c.apps.googleusercontent.com", "client_secret": "s3cr3t",
             "refresh_token": "1//r3fr3sh"}
            """,
        ]
        for id in ids {
            files["accounts.d/\(id).yaml"] = """
                channel:
                  type: test
                  youtube: { credentials: "${file:secrets/demo.json}", privacy: unlisted, project: shared }
                schedule: { cron: "0 9 1 1 *" }
                pipeline:
                  steps:
                    - id: make
                      uses: command
                      with:
                        workdir: .
                        run: [sh, -c, 'dd if=/dev/urandom of=\(id).mp4 bs=1000000 count=\(megabytes) 2>/dev/null && echo "{\\"video\\": \\"$PWD/\(id).mp4\\"}"']
                    - id: upload
                      uses: upload.youtube
                      with: { video: "{{ steps.make.video }}", title: "\(id)", chunk_size: \(chunk) }
                """
        }
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// `count` daemons on `folder`, each with a state folder of its own, serving.
    static func nodes(_ count: Int, folder: URL) throws -> [(DaemonProcess, URL)] {
        try (0..<count).map { index in
            let state = folder.appendingPathComponent("state-\(index)")
            let daemon = try DaemonProcess(config: folder, state: state)
            return (daemon, try daemon.baseURL())
        }
    }

    @Test func killNineOfTheUploadingNodeLeavesTheSameSessionToAnotherNode() async throws {
        let database = try ClusterDatabase.create()
        let server = try FakeYouTubeServer(faults: [.pause(chunk: 5)])  // 4 chunks = 1 MiB arrive, the 5th is held
        defer { server.stop() }
        let folder = try Self.config(server, database: database, ids: ["demo"], megabytes: 4, daily: 10000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try Self.nodes(2, folder: folder)
        defer { for (daemon, _) in nodes { _ = daemon.stop(SIGKILL) } }

        let reply = try HTTP.call("POST", nodes[0].1.appendingPathComponent("api/scheduler/trigger/demo"))
        #expect(reply.status == 202)
        let runID = try #require((reply.json as? [String: Any])?["run_id"] as? String)
        #expect(await server.waitUntilPaused(), "the upload never reached its 5th chunk")
        let owner = try #require(
            Int32(try ClusterDatabase.value(database, "SELECT owner_pid FROM runs WHERE id = '\(runID)'")))
        let victim = try #require(nodes.first { $0.0.process.processIdentifier == owner })
        _ = victim.0.stop(SIGKILL)
        #expect(await server.release())

        let status = try ClusterDatabase.poll(database, "SELECT status FROM runs WHERE id = '\(runID)'", timeout: 60) {
            $0 != "running" && $0 != "queued"
        }
        #expect(status == "succeeded")
        let makes = try ClusterDatabase.value(
            database,
            "SELECT count(*) FROM step_attempts WHERE run_id = '\(runID)' AND step_id = 'make' AND attempt > 0")
        #expect(makes == "1")  // the completed step was not run again
        #expect(server.sessionCount == 1)  // the same session, continued by the other node
        let videos = server.videos
        #expect(videos.count == 1)
        let file = try Data(contentsOf: folder.appendingPathComponent("demo.mp4"))
        #expect(videos.first?.bytes == file)
        let restarts = server.log.filter { $0.contains("PUT /upload/youtube/v3/videos bytes 0-") }
        #expect(restarts.count == 1, "the upload started over: \(restarts)")
        let recorded = try ClusterDatabase.value(database, "SELECT video_id FROM upload_sessions")
        #expect(recorded == videos.first?.id)
    }

    @Test func threeNodesNeverSpendMoreThanTheDailyBudgetTogether() async throws {
        let database = try ClusterDatabase.create()
        let server = try FakeYouTubeServer()
        defer { server.stop() }
        let ids = (1...6).map { "demo-\($0)" }
        // 5000 units at 1600 an upload: three uploads, whichever nodes run them.
        let folder = try Self.config(server, database: database, ids: ids, megabytes: 1, daily: 5000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try Self.nodes(3, folder: folder)
        defer { for (daemon, _) in nodes { _ = daemon.stop(SIGKILL) } }

        for (index, id) in ids.enumerated() {
            let reply = try HTTP.call("POST", nodes[index % 3].1.appendingPathComponent("api/scheduler/trigger/\(id)"))
            #expect(reply.status == 202)
        }
        // Three uploads fit; the other three runs wait for the quota's reset (a quota failure waits, it does
        // not fail the run).
        let waiting = try ClusterDatabase.poll(
            database, "SELECT count(DISTINCT run_id) FROM step_attempts WHERE failure_kind = 'quota'", timeout: 90
        ) { $0 == "3" }
        #expect(waiting == "3")
        let succeeded = try ClusterDatabase.poll(
            database, "SELECT count(*) FROM runs WHERE status = 'succeeded'", timeout: 30
        ) { $0 == "3" }
        #expect(succeeded == "3")
        #expect(server.videos.count == 3)
        let spent = try #require(
            Int(try ClusterDatabase.value(database, "SELECT COALESCE(sum(units), 0) FROM quota_usage")))
        #expect(spent <= 5000 && spent >= 3 * 1600)
    }
}
