import ArgumentParser
import Foundation
import Logging
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerPostgres
import ShowrunnerStore

/// `showrunner store migrate --to URL`: copies the SQLite history into PostgreSQL.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Manage the store.", subcommands: [StoreMigrateCommand.self])
}

/// Copies runs, attempts, account state, used topics, upload sessions and quota use from `STATE/showrunner.sqlite`
/// into a PostgreSQL database (migrated first). Rows already there are kept, so it can be run again.
struct StoreMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Copy the SQLite history into a PostgreSQL store (stop the daemon first).")

    @OptionGroup var options: ConfigOptions

    @Option(help: "The PostgreSQL URL (secret references such as ${env:PGPASSWORD} are resolved).")
    var to: String

    func run() async throws {
        try Runtime.requireConfigFolder(options)
        let settings = ConfigLoader(directory: options.configDirectory).loadSettings()?.value ?? DaemonSettings()
        let state = Runtime.stateDirectory(options: options, settings: settings)
        let path = state.appendingPathComponent("showrunner.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("no SQLite store at \(path)") }
        let source = try SQLiteStore(path: path)
        let target = try await StoreOpener.openPostgres(
            PostgresSettings(url: to), configDirectory: URL(fileURLWithPath: options.configDirectory),
            logger: Logger(label: "showrunner.store"), fence: nil)
        defer { target.close() }
        let copied = try await StoreCopy(source: source, target: target).run()
        print(
            "copied \(copied.runs) runs (\(copied.attempts) attempts), \(copied.accounts) account states, "
                + "\(copied.topics) used topics, \(copied.uploads) uploads, \(copied.quota) quota days")
    }
}
