import ArgumentParser
import Foundation
import ShowrunnerCore

/// `showrunner show RUN`: one run with its steps, attempts, errors, outputs and artifacts.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run in detail.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The run id (from history).")
    var runID: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let store = try await Runtime.openStore(options: options)
        guard let run = try await store.run(id: runID) else {
            throw CommandFailure("no run with id '\(runID)'; see 'showrunner history'.")
        }
        let attempts = try await store.attempts(runID: runID)
        if format == .json {
            struct Document: Encodable {
                let run: RunRecord
                let attempts: [AttemptRecord]
            }
            print(try JSONOutput.encode(Document(run: run, attempts: attempts)))
        } else {
            print(RunFormatting.details(run, attempts))
        }
    }
}
