import ArgumentParser
import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine

/// `showrunner retry RUN`: resumes an interrupted run, or re-runs a failed one from its failed steps.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Resume an interrupted run, or re-run a failed one from its failed steps with the current config.",
        discussion:
            "Exit status: 0 when the run succeeds, 1 otherwise, 130 when stopped by Ctrl-C (it stays resumable)."
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The run id (from history).")
    var runID: String

    func run() async throws {
        let runtime = try await Runtime(options: options)
        guard let old = try await runtime.store.run(id: runID) else {
            throw CommandFailure("no run with id '\(runID)'; see 'showrunner history'.")
        }
        let (account, mergedPipeline) = try runtime.validAccount(old.accountID)
        let printer = ProgressPrinter(accountIDs: [account.id])
        do {
            let coordinator = try runtime.coordinator(logger: Logger(label: "showrunner"))
            let (runID, revision, observer) = (runID, runtime.configRevision, printer.observer(for: account.id))
            let (_, outcome) = try await InterruptSignals.run {
                try await coordinator.whileRunning {
                    try await coordinator.retryToEnd(
                        runID: runID, account: account, mergedPipeline: mergedPipeline, configRevision: revision,
                        observer: observer)
                }
            }
            if outcome != .succeeded { throw ExitCode(1) }
        } catch let error as RunRefusal {
            throw CommandFailure(error.description)
        }
    }
}
