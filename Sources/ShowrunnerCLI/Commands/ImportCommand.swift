import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerPostgres
import ShowrunnerStore

/// `showrunner import apscheduler --db URL`: the old system's accounts as files in `accounts.d/`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import accounts from the old APScheduler system (dry run unless --write).",
        discussion:
            "Reads the Account rows of the old SQLite or PostgreSQL database and prints, per account, the file it would write and "
            + "the next five fires under APScheduler's reading (0 = Monday) and under the new cron (0 = Sunday)."
    )

    @Argument(help: "The old system: apscheduler.")
    var source: String

    @Option(
        help:
            "The old database: a SQLAlchemy URL (sqlite:////abs/app.db, postgresql://user:pw@host/app) or a file path.")
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
        let zone = TimeZone(identifier: timezone)!
        let (database, close) = try await LegacySourceOpener.open(
            db, timeZone: zone, configDirectory: URL(fileURLWithPath: options.configDirectory))
        do {
            try await importAccounts(from: database, zone: zone)
        } catch {
            await close()
            throw error
        }
        await close()
    }

    /// Prints (and with --write, writes) each account, then the history.
    private func importAccounts(from database: any LegacyRowSource, zone: TimeZone) async throws {
        let rows: [LegacyAccount]
        do {
            guard try await database.accountTable() != nil else {
                throw CommandFailure(
                    "\(LegacySourceOpener.display(db)) has no accounts table (the old system's Account model).")
            }
            rows = try await database.accounts()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot read \(LegacySourceOpener.display(db)): \(PostgresErrorText.describe(error))")
        }
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
    private func importHistory(_ database: any LegacyRowSource, imports: [AccountImport], zone: TimeZone) async throws {
        let accounts = Dictionary(
            imports.filter { $0.yaml != nil }.map { ($0.legacy.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        let jobs = try await database.jobs()
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
}
