import Foundation
import Testing

/// Alias bombs, deep nesting and broken bytes through the real binary: `validate` names each file's line and
/// column, and the daemon keeps its memory, answers, applies another account's edit promptly and stops on SIGTERM.
@Suite(.serialized) struct HostileYAMLCommandTests {
    /// Nine levels of nine aliases: 9^9 ≈ 387 million values once expanded, in about 600 bytes.
    static let bomb: String = {
        var text = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\nvars:\n"
        text += "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<9 {
            text +=
                "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",")
                + "]\n"
        }
        return text
    }()

    static let pipeline = "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"true\"] } }\n"

    static func folder(_ files: [String: Data]) throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        for name in ["accounts.d", "pipelines"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try Data(pipeline.utf8).write(to: folder.appendingPathComponent("pipelines/p.yaml"))
        for (path, data) in files { try data.write(to: folder.appendingPathComponent(path)) }
        return folder
    }

    /// Peak resident memory of a running process in MiB (`VmHWM`).
    static func peakMiB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]).map { $0 / 1024 }
    }

    @Test func validateReportsEachHostileFileAtItsPlaceQuickly() throws {
        var invalid = Data("channel: { type: c }\nname: caf".utf8)
        invalid.append(0xE9)
        let folder = try Self.folder([
            "accounts.d/bomb.yaml": Data(Self.bomb.utf8),
            "accounts.d/deep.yaml": Data(("vars: { x: " + String(repeating: "[", count: 120) + " }\n").utf8),
            "accounts.d/deep2.yaml": Data(("vars: { x: " + String(repeating: "[", count: 5000) + " }\n").utf8),
            "accounts.d/latin1.yaml": invalid,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date()
        let result = try CommandRunner.run(["validate", "--config", folder.path])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.status == 1)
        let path = folder.path + "/accounts.d/"
        for expected in [
            "\(path)bomb.yaml:9:12: error: alias '*l3' makes the file expand to more than 10000 values",
            "\(path)deep.yaml:1:110: error: the file nests deeper than 100 levels",
            "\(path)deep2.yaml:1:110: error: the file nests deeper than 100 levels",
            "\(path)latin1.yaml:2:10: error: the file is not valid UTF-8 text (byte 0xE9",
        ] {
            #expect(result.stdout.contains(expected), "\(result.stdout)")
        }
    }

    /// `validate` reads the topics files the accounts' `topic.list` steps name (to warn of lists running out): a bomb
    /// there is refused like one in a config file, so `validate` ends at once (it used to grow to gigabytes).
    @Test func validateEndsPromptlyWithABombInATopicsFile() throws {
        let pipeline = "name: t\nsteps:\n  - { id: topic, uses: topic.list, with: { file: topics/bomb.yaml } }\n"
        let account = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: t\n"
        // The bomb's anchored lists as keys of the second topic.
        let topics = "- title: ok\n- title: bomb\n" + Self.bomb.components(separatedBy: "vars:\n")[1]
        let folder = try Self.folder([
            "pipelines/t.yaml": Data(pipeline.utf8), "accounts.d/a.yaml": Data(account.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("topics"), withIntermediateDirectories: true)
        try Data(topics.utf8).write(to: folder.appendingPathComponent("topics/bomb.yaml"))
        let start = Date()
        let result = try CommandRunner.run(["validate", "--config", folder.path, "--no-preflight"])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 account: 0 errors"), "\(result.stdout)")
    }

    @Test func theDaemonStaysSmallAndResponsiveWithABombInTheFolder() throws {
        let good = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n"
        let folder = try Self.folder([
            "accounts.d/bomb.yaml": Data(Self.bomb.utf8), "accounts.d/good.yaml": Data(good.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()
        let jobsURL = base.appendingPathComponent("api/scheduler/jobs")
        let cron = { (reply: HTTP.Reply) in DaemonTests.jobs(reply).first { $0["id"] as? String == "good" }?["cron"] }

        // A second bomb written while the daemon runs, then another account's edit: applied within seconds.
        try Data(Self.bomb.utf8).write(to: folder.appendingPathComponent("accounts.d/bomb2.yaml"))
        let edited = good.replacingOccurrences(of: "0 9 * * *", with: "30 7 * * *")
        let start = Date()
        try edited.write(to: folder.appendingPathComponent("accounts.d/good.yaml"), atomically: true, encoding: .utf8)
        let jobs = try HTTP.poll("GET", jobsURL, timeout: 30) { cron($0) as? String == "30 7 * * *" }
        #expect(cron(jobs) as? String == "30 7 * * *")
        #expect(Date().timeIntervalSince(start) < 5, "the edit took \(Date().timeIntervalSince(start)) s")

        let diagnostics = try HTTP.poll("GET", base.appendingPathComponent("api/config/diagnostics"), timeout: 30) {
            let all = ($0.json as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            return Set(all.compactMap { $0["file"] as? String }).isSuperset(of: [
                "accounts.d/bomb.yaml", "accounts.d/bomb2.yaml",
            ])
        }
        let rendered = (((diagnostics.json as? [String: Any])?["diagnostics"] as? [[String: Any]]) ?? []).compactMap {
            $0["rendered"] as? String
        }
        #expect(rendered.contains { $0.hasPrefix("accounts.d/bomb2.yaml:9:12: error: alias '*l3'") }, "\(rendered)")
        #expect(try HTTP.call("GET", base.appendingPathComponent("healthz")).status == 200)
        let peak = try #require(Self.peakMiB(daemon.process.processIdentifier))
        #expect(peak < 200, "the daemon's peak RSS was \(peak) MiB")

        let stopping = Date()
        #expect(daemon.stop(SIGTERM) == 0)
        #expect(Date().timeIntervalSince(stopping) < 10)
    }
}
