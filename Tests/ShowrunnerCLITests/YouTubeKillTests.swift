import Foundation
import ShowrunnerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SPEC §10 guarantees 2 and 3 with the real binary: `kill -9` in the middle of a YouTube upload, then `retry`, and
/// the upload continues the same session; the fake YouTube ends up with exactly one video, whose bytes are the file.
@Suite(.serialized) struct YouTubeKillTests {
    static let chunk = 256 * 1024
    static let videoSize = 20_000_000

    /// A config folder whose pipeline makes a 20 MB file with `dd` and uploads it in 256 KiB chunks to `server`.
    static func config(_ server: FakeYouTubeServer) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("youtube-kill-\(UUID().uuidString)")
        for sub in ["accounts.d", "secrets"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let files = [
            "showrunner.yaml": """
            providers:
              youtube:
                token_url: \(server.tokenURL)
                api_base: \(server.apiBase)
                upload_base: \(server.uploadBase)
                quota: { daily_units: 10000, insert_cost: 1600 }
            """,
            "secrets/demo.json": """
            {"type": "authorized_user", "client_id": "c.apps.googleusercontent.com", "client_secret": "s3cr3t",
             "refresh_token": "1//r3fr3sh"}
            """,
            "accounts.d/demo.yaml": """
            channel:
              type: test
              youtube: { credentials: "${file:secrets/demo.json}", privacy: unlisted, project: kill-test }
            schedule: { cron: "0 9 * * *" }
            pipeline:
              steps:
                - id: make
                  uses: command
                  with:
                    workdir: .
                    run: [sh, -c, 'dd if=/dev/urandom of=video.mp4 bs=1000000 count=20 2>/dev/null && echo "{\\"video\\": \\"$PWD/video.mp4\\"}"']
                - id: upload
                  uses: upload.youtube
                  retry: { attempts: 3, delay: 1s }
                  with: { video: "{{ steps.make.video }}", title: "Kill test", chunk_size: \(chunk) }
            """,
        ]
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func killNineMidUploadThenRetryContinuesTheSameSession() async throws {
        let server = try FakeYouTubeServer(faults: [.pause(chunk: 9)])  // 8 chunks = 2 MiB arrive, the 9th is held
        defer { server.stop() }
        let folder = try Self.config(server)
        defer { try? FileManager.default.removeItem(at: folder) }

        let trigger = Process()
        trigger.executableURL = CommandRunner.binary
        trigger.arguments = ["trigger", "demo", "--config", folder.path]
        trigger.standardOutput = FileHandle.nullDevice
        trigger.standardError = FileHandle.nullDevice
        try trigger.run()
        let paused = await server.waitUntilPaused()
        #expect(paused, "the upload never reached its 9th chunk")
        kill(trigger.processIdentifier, SIGKILL)
        trigger.waitUntilExit()  // reap it, so its pid is really gone
        #expect(trigger.terminationReason == .uncaughtSignal)
        #expect(await server.release())  // the held PUT keeps whatever the killed client had sent
        let heldBeforeRetry = try #require(server.receivedBySession.first)
        #expect(heldBeforeRetry >= 8 * Self.chunk)
        #expect(server.videos.isEmpty)

        let history = try CommandRunner.run(["history", "--config", folder.path, "--format", "json"])
        let run = try #require((try Self.json(history.stdout) as? [[String: Any]])?.first)
        #expect(run["status"] as? String == "running")
        let runID = try #require(run["id"] as? String)

        let retry = try CommandRunner.run(["retry", runID, "--config", folder.path])
        #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")

        #expect(server.sessionCount == 1)  // the same session, continued
        let videos = server.videos
        #expect(videos.count == 1)
        let file = try Data(contentsOf: folder.appendingPathComponent("video.mp4"))
        #expect(file.count == Self.videoSize)
        #expect(videos.first?.bytes == file)
        #expect(server.log.contains { $0.contains("bytes */\(Self.videoSize) → 308") })
        // Only the chunks after what the server held were sent again: no chunk below it was repeated.
        let restarts = server.log.filter { $0.contains("PUT /upload/youtube/v3/videos bytes 0-") }
        #expect(restarts.count == 1)

        let show = try CommandRunner.run(["show", runID, "--config", folder.path, "--format", "json"])
        let document = try #require(try Self.json(show.stdout) as? [String: Any])
        #expect((document["run"] as? [String: Any])?["status"] as? String == "succeeded")
        let attempts = try #require(document["attempts"] as? [[String: Any]])
        let upload = try #require(attempts.last { $0["step_id"] as? String == "upload" })
        #expect((upload["outputs"] as? [String: Any])?["video_id"] as? String == videos.first?.id)
    }
}
