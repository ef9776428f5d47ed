import Foundation
import Testing

/// SPEC §4 seen from outside: an account file that turns unreadable keeps firing on its last good version, the
/// daemon's API and `validate` report the same diagnostic for it, and only deleting the file stops its fires.
@Suite(.serialized) struct UnreadableAccountTests {
    /// Each account is broken a different way (every way works as root).
    static let breakages: [String: @Sendable (URL) throws -> Void] = [
        "directory": { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) },
        "dangling": { #expect(symlink("missing.yaml", $0.path) == 0) },
        "utf8": { try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0x0A]).write(to: $0) },
        "fifo": { #expect(mkfifo($0.path, 0o644) == 0) },
    ]

    /// The rendered diagnostics the daemon's API shows.
    static func diagnostics(_ reply: HTTP.Reply) -> Set<String> {
        let list = ((reply.json as? [String: Any])?["diagnostics"] as? [[String: Any]]) ?? []
        return Set(list.compactMap { $0["rendered"] as? String })
    }

    @Test func unreadableFilesKeepFiringAndReportLikeValidateUntilTheyAreDeleted() throws {
        let folder = try DeletedAccountTests.everySecondConfig(Self.breakages.keys)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each file is removed, then made unreadable: two steps. A pause between them longer than the debounce
        // (a loaded CI machine) would apply the removal alone, which rightly stops the account for good.
        try "debounce: 1s\n".write(
            to: folder.appendingPathComponent("showrunner.yaml"), atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()
        for id in Self.breakages.keys {
            #expect(TriggerCommandTests.waitForFile(folder.appendingPathComponent("\(id).log").path))
        }

        for (id, breakage) in Self.breakages {
            let file = folder.appendingPathComponent("accounts.d/\(id).yaml")
            try FileManager.default.removeItem(at: file)
            try breakage(file)
        }
        let broken = Date()
        let reply = try HTTP.poll("GET", base.appendingPathComponent("api/config/diagnostics"), timeout: 30) {
            Self.diagnostics($0).count == Self.breakages.count
        }
        let shown = Self.diagnostics(reply)
        #expect(
            Set(shown.map { String($0.prefix { $0 != ":" }) })
                == Set(Self.breakages.keys.map { "accounts.d/\($0).yaml" }))
        let validate = try CommandRunner.run(["validate", "--config", ".", "--no-preflight"], in: folder)
        #expect(validate.status == 1)
        let validated = Set(
            validate.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("accounts.d/") })
        #expect(validated == shown, "validate: \(validated)\nAPI: \(shown)")

        // Every account keeps firing on its last good version.
        let deadline = Date().addingTimeInterval(60)
        for id in Self.breakages.keys {
            let log = folder.appendingPathComponent("\(id).log")
            while !DeletedAccountTests.markedTimes(log).contains(where: { $0 > broken.addingTimeInterval(2) }),
                Date() < deadline
            {
                usleep(50_000)
            }
            #expect(DeletedAccountTests.markedTimes(log).contains { $0 > broken.addingTimeInterval(2) }, "\(id)")
        }

        for id in Self.breakages.keys {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("accounts.d/\(id).yaml"))
        }
        let jobs = try HTTP.poll("GET", base.appendingPathComponent("api/scheduler/jobs"), timeout: 30) {
            DaemonTests.jobs($0).isEmpty
        }
        #expect(DaemonTests.jobs(jobs).isEmpty)
        #expect(daemon.stop() == 0)
    }
}
