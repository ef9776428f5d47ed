import ArgumentParser
import Foundation
import ShowrunnerCore
import ShowrunnerStore

/// `showrunner history`: past runs, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List past runs, newest first.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Only this account.")
    var account: String?

    @Option(help: "Only runs with this status (\(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
    var status: String?

    @Option(help: "How many runs.")
    var limit = 20

    @Option(help: "Only runs older than this run id (the next page).")
    var before: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List alert deliveries (webhooks) instead of runs.")
    var alerts = false

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000.") }
        if let status, RunStatus(rawValue: status) == nil {
            throw ValidationError(
                "--status must be one of \(RunStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if format == .github { throw ValidationError("--format github is only for validate.") }
    }

    func run() async throws {
        let store = try await Runtime.openStore(options: options)
        if alerts {
            let deliveries = try await ((store as? any AlertLog) ?? NoAlertLog()).deliveries(limit: limit)
            print(format == .json ? AlertFormatting.json(deliveries) : AlertFormatting.table(deliveries))
            return
        }
        let query = RunQuery(accountID: account, status: status.flatMap(RunStatus.init), limit: limit, before: before)
        let runs = try await store.runs(matching: query)
        if format == .json {
            print(try JSONOutput.encode(runs))
        } else if runs.isEmpty {
            print("No runs yet.")
        } else {
            print(RunFormatting.table(runs))
        }
    }
}
