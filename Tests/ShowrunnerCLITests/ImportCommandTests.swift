import Foundation
import Testing

/// `showrunner import apscheduler` on a database made with the old system's schema (by python3's sqlite3, as
/// SQLAlchemy would have made it): weekday numbers, names, ranges, `*/n`, day-of-month + day-of-week, invalid rows.
@Suite struct ImportCommandTests {
    /// Tests/Reference/old_apscheduler_db.py: the old schema and rows, written into SQLite or PostgreSQL.
    static let script = CommandRunner.packageRoot.appendingPathComponent("Tests/Reference/old_apscheduler_db.py").path

    /// A SQLite database with the old schema (python3's sqlite3, as SQLAlchemy would have made it).
    static func oldDatabase(in folder: URL) throws -> URL {
        let path = folder.appendingPathComponent("old.db")
        #expect(try runScript(python: "/usr/bin/python3", target: path.path) == 0)
        return path
    }

    /// Runs the script with `python` on `target` (a file or a PostgreSQL URL); its exit status.
    static func runScript(python: String, target: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, target]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func configFolder() throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("pipelines"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("accounts.d"), withIntermediateDirectories: true)
        try "steps:\n  - { id: hello, uses: command, with: { run: [echo, hi] } }\n".write(
            to: folder.appendingPathComponent("pipelines/shorts.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: OldDatabase.all) func dryRunShowsFilesAndFiresWriteWritesThemAndTheyValidate(
        _ kind: OldDatabase
    ) throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try kind.url(in: folder)

        let dry = try CommandRunner.run(["import", "apscheduler", "--db", url, "--config", folder.path])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("7 accounts: would write 5"))
        #expect(dry.stdout.contains("cron: \"0 9 * * 1-5\""))  // 0-4 = Monday to Friday
        #expect(dry.stdout.contains("cron: \"30 18 * * 0,6\""))
        #expect(dry.stdout.contains("cron: \"0 20 * * 6\""))  // 5 = Saturday
        #expect(dry.stdout.contains("cron: \"0 7 * * 0-1,3,5\""))
        #expect(dry.stdout.contains("cron: \"0 9 * * 1#1\""))
        #expect(dry.stdout.contains("Broken Cron (old id 6)") && dry.stdout.contains("has 4 fields"))
        #expect(dry.stdout.contains("Both Days (old id 7)") && dry.stdout.contains("both match"))
        #expect(!dry.stdout.contains("≠"), "every imported schedule keeps its fires")
        #expect(dry.stdout.contains("voice: \"nova\"") && dry.stdout.contains("speed: 1.1"))
        #expect(dry.stdout.contains("enabled: false"), "History Weekly was inactive")
        #expect(!dry.stdout.contains(OldDatabase.password) && !dry.stderr.contains(OldDatabase.password))
        let accounts = folder.appendingPathComponent("accounts.d")
        #expect(try FileManager.default.contentsOfDirectory(atPath: accounts.path).isEmpty, "a dry run writes nothing")

        let written = try CommandRunner.run(["import", "apscheduler", "--db", url, "--config", folder.path, "--write"])
        #expect(written.stdout.contains("wrote 5"))
        let files = try FileManager.default.contentsOfDirectory(atPath: accounts.path).sorted()
        #expect(
            files == [
                "cooking-daily.yaml", "every-other-day.yaml", "first-monday.yaml", "history-weekly.yaml",
                "space-facts.yaml",
            ])
        let validate = try CommandRunner.run(["validate", "--config", folder.path, "--no-preflight"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let again = try CommandRunner.run(["import", "apscheduler", "--db", url, "--config", folder.path, "--write"])
        #expect(again.stdout.contains("wrote 0"), "existing files are kept")
        if kind == .postgres {
            let missing = url.replacingOccurrences(of: "/y_", with: "/missing_")
            let failed = try CommandRunner.run(["import", "apscheduler", "--db", missing, "--config", folder.path])
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("does not exist"), "the server's reason, at once: \(failed.stderr)")
            #expect(!failed.stderr.contains(OldDatabase.password))
        }
    }

    @Test(arguments: OldDatabase.all) func historyBringsFinishedJobsOfImportedAccountsOnce(
        _ kind: OldDatabase
    ) throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try kind.url(in: folder)
        let arguments = ["import", "apscheduler", "--db", url, "--config", folder.path, "--history"]
        let dry = try CommandRunner.run(arguments)
        #expect(dry.stdout.contains("JobHistory: would import 2 runs (2 skipped"), "\(dry.stdout)")
        let first = try CommandRunner.run(arguments + ["--write"])
        #expect(first.stdout.contains("JobHistory: imported 2 runs"), "\(first.stdout)\(first.stderr)")
        let again = try CommandRunner.run(arguments + ["--write"])
        #expect(again.stdout.contains("JobHistory: imported 0 runs (2 already there"), "\(again.stdout)\(again.stderr)")

        let history = try CommandRunner.run(["history", "--config", folder.path, "--format", "json"])
        let runs = try #require(try TriggerCommandTests.json(history.stdout) as? [[String: Any]])
        #expect(runs.count == 2)
        let failed = try #require(runs.first { $0["account_id"] as? String == "space-facts" })
        #expect(failed["status"] as? String == "failed")
        #expect(
            (failed["reason"] as? String)?.contains("imported from APScheduler JobHistory 2: TTS quota exceeded")
                == true)
        #expect(failed["scheduled_at"] as? String == "2025-03-08T18:30:00Z")
        let succeeded = try #require(runs.first { $0["account_id"] as? String == "cooking-daily" })
        #expect(succeeded["status"] as? String == "succeeded")
    }

    @Test func unreachablePostgresAndMissingDatabasesFailClearlyWithoutThePassword() throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = FakeWebhookReceiver.refusedPort()
        let postgres = try CommandRunner.run(
            [
                "import", "apscheduler", "--db", "postgresql://u:pw-s3cret@127.0.0.1:\(port)/app", "--config",
                folder.path,
            ])
        #expect(postgres.status == 1)
        #expect(postgres.stderr.contains("cannot open postgresql://u:***@127.0.0.1"), "\(postgres.stderr)")
        #expect(!postgres.stderr.contains("pw-s3cret") && !postgres.stdout.contains("pw-s3cret"))
        let missing = try CommandRunner.run([
            "import", "apscheduler", "--db", "/nonexistent.db", "--config", folder.path,
        ])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database"))
    }
}
