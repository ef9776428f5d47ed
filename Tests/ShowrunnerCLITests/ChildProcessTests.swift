import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SPEC §10 guarantee 8 with the real binary: no child process outlives its attempt or showrunner (`kill -9`,
/// Ctrl-C), and a video is published only whole, even when the daemon dies in the middle of rendering it.
@Suite(.serialized) struct ChildProcessTests {
    /// About 9 s of speech: long enough that a 1920×1080 render is still running when the test acts on it.
    static let renderSteps = """
            - id: voice
              uses: tts
              with: { text: "One crash in the middle of a render must never publish a broken video. The next attempt renders again from the start, in its own folder, and checks the file before it says done." }
            - id: video
              uses: video
              needs: [voice]
              retry: { attempts: 3, delay: 1s }
              with: { audio: "{{ steps.voice.audio }}", format: landscape }
        """

    /// The ffmpeg encoding a video below `folder` once it has written some of the file: (pid, its working folder).
    static func encodingFFmpeg(under folder: URL, timeout: TimeInterval = 120) -> (pid_t, URL)? {
        var found: (pid_t, URL)?
        _ = ProcessScan.wait(timeout: timeout) {
            for pid in ProcessScan.working(under: folder) where ProcessScan.commandLine(pid).contains("libx264") {
                guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"),
                    let size = try? FileManager.default.attributesOfItem(atPath: cwd + "/video.mp4")[.size] as? Int,
                    size > 0
                else { continue }
                found = (pid, URL(fileURLWithPath: cwd))
                return true
            }
            return false
        }
        return found
    }

    /// What `ffmpeg -v error` prints while decoding all of `file` (empty: it decodes cleanly).
    static func decodeErrors(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-v", "error", "-nostdin", "-i", file.path, "-f", "null", "-"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? text : "exit \(process.terminationStatus): \(text)"
    }

    static func startTrigger(_ folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["trigger", "demo", "--config", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aChildDiesWhenShowrunnerIsKilled() throws {
        let folder = try TriggerCommandTests.config(
            """
                - { id: long, uses: command, with: { run: [sh, -c, 'echo $$ > child.pid; exec sleep 600'], workdir: . } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trigger = try Self.startTrigger(folder)
        let child = try #require(ProcessScan.pid(in: folder.appendingPathComponent("child.pid")))
        #expect(TriggerCommandTests.isAlive(child))

        kill(trigger.processIdentifier, SIGKILL)
        trigger.waitUntilExit()
        #expect(ProcessScan.wait(timeout: 5) { !TriggerCommandTests.isAlive(child) }, "child \(child) outlived kill -9")
    }

    @Test func ctrlCDuringARenderLeavesNoChildAlive() throws {
        let folder = try TriggerCommandTests.config(Self.renderSteps)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trigger = try Self.startTrigger(folder)
        defer { if trigger.isRunning { kill(trigger.processIdentifier, SIGKILL) } }
        let (ffmpeg, _) = try #require(Self.encodingFFmpeg(under: folder))

        kill(trigger.processIdentifier, SIGINT)
        #expect(ProcessScan.wait(timeout: 30) { !trigger.isRunning }, "trigger did not stop after SIGINT")
        trigger.waitUntilExit()
        #expect(trigger.terminationStatus == 130)
        #expect(!TriggerCommandTests.isAlive(ffmpeg))
        #expect(ProcessScan.working(under: folder).isEmpty)
        let runs = folder.appendingPathComponent("state/runs")
        let published = (try? FileManager.default.contentsOfDirectory(atPath: runs.path))?.filter {
            FileManager.default.fileExists(atPath: runs.path + "/\($0)/video/video.mp4")
        }
        #expect(published == [], "an interrupted render published a video")
    }

    @Test func daemonKilledMidRenderResumesAndPublishesAVideoThatDecodes() throws {
        let folder = try TriggerCommandTests.config(Self.renderSteps)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try DaemonProcess(config: folder)
        defer { _ = first.stop(SIGKILL) }
        let trigger = try HTTP.call("POST", try first.baseURL().appendingPathComponent("api/scheduler/trigger/demo"))
        let runID = try #require((trigger.json as? [String: Any])?["run_id"] as? String)
        let (ffmpeg, workspace) = try #require(Self.encodingFFmpeg(under: folder))

        #expect(first.stop(SIGKILL) == SIGKILL)
        #expect(ProcessScan.wait(timeout: 5) { !TriggerCommandTests.isAlive(ffmpeg) }, "ffmpeg outlived the daemon")

        let second = try DaemonProcess(config: folder)
        defer { _ = second.stop(SIGKILL) }
        let run = try HTTP.poll("GET", try second.baseURL().appendingPathComponent("api/runs/\(runID)")) {
            ["succeeded", "failed"].contains(DaemonTests.status($0))
        }
        #expect(DaemonTests.status(run) == "succeeded")
        #expect(second.stop() == 0)

        let published = folder.appendingPathComponent("state/runs/\(runID)/video/video.mp4")
        #expect(try Self.decodeErrors(published) == "")
        #expect(!FileManager.default.fileExists(atPath: workspace.path), "the killed attempt's folder is left")
        let attempts = try Self.attempts(of: runID, in: folder).filter { $0.hasPrefix("video#") }
        #expect(attempts == ["video#1:failed", "video#2:succeeded"])
    }

    @Test func resumeEndsTheLeftoverProcessesOfTheKilledAttemptFirst() throws {
        // The shell dies with the daemon (parent-death signal); its background `sleep` does not, and is what the
        // resumed attempt must end before it starts. The second attempt finds the pid file and succeeds at once.
        let folder = try TriggerCommandTests.config(
            """
                - id: work
                  uses: command
                  retry: { attempts: 2, delay: 1s }
                  with: { run: [sh, -c, 'if [ -f leftover.pid ]; then echo done; else sleep 600 & echo $! > leftover.pid; wait; fi'], workdir: . }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try DaemonProcess(config: folder)
        defer { _ = first.stop(SIGKILL) }
        let trigger = try HTTP.call("POST", try first.baseURL().appendingPathComponent("api/scheduler/trigger/demo"))
        let runID = try #require((trigger.json as? [String: Any])?["run_id"] as? String)
        let leftover = try #require(ProcessScan.pid(in: folder.appendingPathComponent("leftover.pid")))
        #expect(first.stop(SIGKILL) == SIGKILL)
        #expect(TriggerCommandTests.isAlive(leftover))  // orphaned: what the ledger is for

        let second = try DaemonProcess(config: folder)
        defer { _ = second.stop(SIGKILL) }
        let run = try HTTP.poll("GET", try second.baseURL().appendingPathComponent("api/runs/\(runID)")) {
            ["succeeded", "failed"].contains(DaemonTests.status($0))
        }
        #expect(DaemonTests.status(run) == "succeeded")
        #expect(!TriggerCommandTests.isAlive(leftover), "the killed attempt's process \(leftover) is still alive")
        #expect(second.stop() == 0)
    }

    /// `step#attempt:status` of each attempt of the run, from `show --format json`.
    static func attempts(of runID: String, in folder: URL) throws -> [String] {
        let show = try CommandRunner.run(["show", runID, "--config", folder.path, "--format", "json"])
        let document = try #require(try TriggerCommandTests.json(show.stdout) as? [String: Any])
        let attempts = try #require(document["attempts"] as? [[String: Any]])
        return attempts.map {
            "\($0["step_id"] as? String ?? "?")#\($0["attempt"] as? Int ?? -1):\($0["status"] as? String ?? "?")"
        }
    }
}
