import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerStore

/// `showrunner import apscheduler --db URL`: the old system's accounts as files in `accounts.d/`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import accounts from the old APScheduler system (dry run unless --write).",
        discussion:
            "Reads the Account rows of the old SQLite database and prints, per account, the file it would write and "
            + "the next five fires under APScheduler's reading (0 = Monday) and under the new cron (0 = Sunday)."
    )

    @Argument(help: "The old system: apscheduler.")
    var source: String

    @Option(help: "The old database: a SQLAlchemy URL (sqlite:///relative.db, sqlite:////abs/app.db) or a file path.")
    var db: String

    @OptionGroup var options: ConfigOptions

    @Option(help: "The pipeline every imported account uses.")
    var pipeline = "shorts"

    @Option(help: "The time zone the old scheduler ran in.")
    var timezone = "UTC"

    @Flag(help: "Write the files (default: only show them).")
    var write = false

    @Flag(help: "Also bring the JobHistory rows into the history as imported runs.")
    var history = false

    func validate() throws {
        guard source == "apscheduler" else { throw ValidationError("the only source is apscheduler.") }
        guard TimeZone(identifier: timezone) != nil else { throw ValidationError("unknown --timezone '\(timezone)'.") }
    }

    func run() async throws {
        let database = try open()
        let rows: [LegacyAccount]
        do {
            guard try database.accountTable() != nil else {
                throw CommandFailure("\(db) has no accounts table (the old system's Account model).")
            }
            rows = try database.accounts()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot read \(db): \(error)")
        }
        let zone = TimeZone(identifier: timezone)!
        let imports = rows.map { AccountImport($0, pipeline: pipeline, timeZone: zone, now: Date()) }
        let folder = URL(fileURLWithPath: options.configDirectory).appendingPathComponent(ConfigFiles.accountsFolder)
        var written = 0
        for item in imports {
            print(ImportReport.describe(item, zone: zone))
            guard write, let yaml = item.yaml else { continue }
            written += try ImportReport.write(yaml, id: item.id, into: folder) ? 1 : 0
        }
        let failed = imports.count { $0.yaml == nil }
        let verb = write ? "wrote \(written)" : "would write \(imports.count - failed) (dry run; --write to write)"
        print("\(imports.count) accounts: \(verb), \(failed) with errors.")
        if history { try await importHistory(database, imports: imports, zone: zone) }
    }

    /// JobHistory rows of the imported accounts as finished runs (trigger `schedule`, id `imported-N`).
    private func importHistory(_ database: LegacyDatabase, imports: [AccountImport], zone: TimeZone) async throws {
        let accounts = Dictionary(
            imports.filter { $0.yaml != nil }.map { ($0.legacy.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        let jobs = try database.jobs()
        let runs = jobs.compactMap { job in accounts[job.accountID].flatMap { job.run(accountID: $0, timeZone: zone) } }
        let skipped = jobs.count - runs.count
        guard write else {
            print(
                "JobHistory: would import \(runs.count) runs (\(skipped) skipped: unfinished, or of no imported account)."
            )
            return
        }
        let store = try await Runtime.openStore(options: options)
        let inserted = try await store.insertRuns(runs).count { $0 }
        print("JobHistory: imported \(inserted) runs (\(runs.count - inserted) already there, \(skipped) skipped).")
    }

    private func open() throws -> LegacyDatabase {
        if db.hasPrefix("postgres") {
            throw CommandFailure(
                "importing from PostgreSQL is not supported yet; export the tables to SQLite (e.g. with pgloader or "
                    + "a pg_dump into sqlite3) and pass --db sqlite:///path.")
        }
        let path = db.hasPrefix("sqlite:///") ? String(db.dropFirst("sqlite:///".count)) : db  // SQLAlchemy: 4 slashes = absolute
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("no database at \(path).") }
        do {
            return try LegacyDatabase(path: path)
        } catch {
            throw CommandFailure("cannot open \(path): \(error)")
        }
    }
}
