import Foundation
import Testing

/// `showrunner import apscheduler` on a database made with the old system's schema (by python3's sqlite3, as
/// SQLAlchemy would have made it): weekday numbers, names, ranges, `*/n`, day-of-month + day-of-week, invalid rows.
@Suite struct ImportCommandTests {
    static let oldSchema = """
        import sqlite3, sys
        db = sqlite3.connect(sys.argv[1])
        db.executescript('''
        CREATE TABLE accounts (
            id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, channel_type VARCHAR(50),
            upload_schedule VARCHAR(100), tts_provider VARCHAR(50), tts_voice VARCHAR(100), tts_speed FLOAT,
            is_active BOOLEAN NOT NULL DEFAULT 1, created_at DATETIME);
        CREATE TABLE job_history (
            id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER REFERENCES accounts(id), job_type VARCHAR(50),
            status VARCHAR(20), started_at DATETIME, completed_at DATETIME, error_message TEXT);
        ''')
        rows = [
            (1, 'Cooking Daily', 'cooking', '0 9 * * 0-4', 'openai', 'nova', 1.1, 1),
            (2, 'Space Facts', 'space', '30 18 * * sat,sun', 'edge', 'en-US-GuyNeural', None, 1),
            (3, 'History Weekly', 'history', '0 20 * * 5', None, None, None, 0),
            (4, 'Every Other Day', 'misc', '0 7 * * */2', None, None, None, 1),
            (5, 'First Monday', 'news', '0 9 1-7 * mon', None, None, None, 1),
            (6, 'Broken Cron', 'misc', '0 9 * *', None, None, None, 1),
            (7, 'Both Days', 'misc', '0 9 1,15 * mon', None, None, None, 1),
        ]
        db.executemany('INSERT INTO accounts (id, name, channel_type, upload_schedule, tts_provider, tts_voice, '
                       'tts_speed, is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', rows)
        jobs = [
            (1, 1, 'upload', 'success', '2025-03-03 09:00:00.125000', '2025-03-03 09:04:10', None),
            (2, 2, 'upload', 'failed', '2025-03-08 18:30:00', '2025-03-08 18:31:00', 'TTS quota exceeded'),
            (3, 1, 'upload', 'running', '2025-03-04 09:00:00', None, None),
            (4, 6, 'upload', 'success', '2025-03-04 09:00:00', '2025-03-04 09:01:00', None),
        ]
        db.executemany('INSERT INTO job_history (id, account_id, job_type, status, started_at, completed_at, '
                       'error_message) VALUES (?, ?, ?, ?, ?, ?, ?)', jobs)
        db.commit()
        """

    static func oldDatabase(in folder: URL) throws -> URL {
        let path = folder.appendingPathComponent("old.db")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", oldSchema, path.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return path
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

    @Test func dryRunShowsFilesAndFiresWriteWritesThemAndTheyValidate() throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Self.oldDatabase(in: folder)
        let url = "sqlite:///" + database.path  // an absolute path: four slashes, as SQLAlchemy writes it

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
    }

    @Test func historyBringsFinishedJobsOfImportedAccountsOnce() throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "sqlite:///" + (try Self.oldDatabase(in: folder)).path
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

    @Test func postgresAndMissingDatabasesFailClearly() throws {
        let folder = try Self.configFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let postgres = try CommandRunner.run(
            ["import", "apscheduler", "--db", "postgresql://u:pw@localhost/app", "--config", folder.path])
        #expect(postgres.status == 1)
        #expect(postgres.stderr.contains("PostgreSQL"))
        #expect(!postgres.stderr.contains("pw@"))
        let missing = try CommandRunner.run([
            "import", "apscheduler", "--db", "/nonexistent.db", "--config", folder.path,
        ])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database"))
    }
}
