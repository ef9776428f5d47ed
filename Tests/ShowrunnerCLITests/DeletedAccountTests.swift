import Foundation
import Testing

/// Guarantee 4's other half, seen from outside: a deleted account file stops its fires within a second.
@Suite(.serialized) struct DeletedAccountTests {
    /// Accounts firing every second; each run appends the time its step ran to `<account>.log`.
    static func everySecondConfig(_ ids: some Sequence<String>) throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        let accounts = folder.appendingPathComponent("accounts.d")
        try FileManager.default.createDirectory(at: accounts, withIntermediateDirectories: true)
        for id in ids {
            let account = """
                channel: { type: test }
                schedule: { cron: "* * * * * *", overlap: allow }
                pipeline:
                  steps:
                    - { id: mark, uses: command, with: { run: [sh, -c, 'date +%s.%N >> \(id).log'], workdir: . } }
                """
            try account.write(to: accounts.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The fire times (`scheduled_at`) of an account's runs, from the API.
    static func fires(of account: String, base: URL) throws -> [Date] {
        let url = URL(string: base.absoluteString + "/api/runs?account=\(account)&limit=500")!
        let runs = ((try HTTP.call("GET", url).json as? [String: Any])?["runs"] as? [[String: Any]]) ?? []
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return runs.compactMap { run in
            (run["scheduled_at"] as? String).flatMap { parser.date(from: $0) ?? ISO8601DateFormatter().date(from: $0) }
        }
    }

    /// The times a step really ran, from the marker file it appends to.
    static func markedTimes(_ file: URL) -> [Date] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
    }

    @Test func aDeletedAccountStopsFiringWithinASecondWhileTheOtherKeepsFiring() throws {
        let folder = try Self.everySecondConfig(["gone", "kept"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(config: folder)
        defer { _ = daemon.stop(SIGKILL) }
        let base = try daemon.baseURL()
        #expect(TriggerCommandTests.waitForFile(folder.appendingPathComponent("gone.log").path))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("accounts.d/gone.yaml"))
        let deleted = Date()
        let jobs = try HTTP.poll("GET", base.appendingPathComponent("api/scheduler/jobs"), timeout: 30) {
            !DaemonTests.jobs($0).contains { $0["id"] as? String == "gone" }
        }
        #expect(!DaemonTests.jobs(jobs).contains { $0["id"] as? String == "gone" })
        // Let the kept account fire three more seconds: the daemon is alive and time has passed for both.
        let kept = folder.appendingPathComponent("kept.log")
        let deadline = Date().addingTimeInterval(60)
        while !Self.markedTimes(kept).contains(where: { $0 > deleted.addingTimeInterval(4) }), Date() < deadline {
            usleep(50_000)
        }
        #expect(Self.markedTimes(kept).contains { $0 > deleted.addingTimeInterval(4) })

        let late = try Self.fires(of: "gone", base: base).filter { $0 > deleted.addingTimeInterval(1) }
        #expect(late.isEmpty, "fires of the deleted account after the delete: \(late)")
        let lateMarks = Self.markedTimes(folder.appendingPathComponent("gone.log")).filter {
            $0 > deleted.addingTimeInterval(3)
        }
        #expect(lateMarks.isEmpty, "the deleted account's step ran again at \(lateMarks)")
        #expect(daemon.stop() == 0)
    }
}
