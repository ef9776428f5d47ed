import ArgumentParser
import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine

/// `showrunner trigger`: runs accounts' pipelines now, in this process, through a run coordinator over the
/// daemon's store (the account's `overlap` counts a running daemon's runs; its failure count and auth flag are
/// kept as for the daemon's runs).
struct TriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Run accounts' pipelines now, in this process (no daemon needed).",
        discussion: """
            Exit status: 0 when every run succeeded, 1 otherwise. Ctrl-C (SIGINT) or SIGTERM stops the runs, ends \
            their child processes and leaves them resumable with 'showrunner retry' (exit status 130).
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Account ids.")
    var accounts: [String] = []

    @Flag(help: "Run every enabled account.")
    var all = false

    @Flag(help: "Perform no external side effect: uploads and side-effecting steps are checked and described.")
    var dryRun = false

    @Flag(help: "Wait for the runs to finish (always the case when running in this process).")
    var wait = false

    @Option(help: "text or json (a summary of the runs when they end).")
    var format: OutputFormat = .text

    func validate() throws {
        if all == !accounts.isEmpty { throw ValidationError("Name accounts to trigger, or pass --all (not both).") }
        if format == .github { throw ValidationError("--format github is only for validate.") }
    }

    func run() async throws {
        let runtime = try await Runtime(options: options)
        let ids = all ? runtime.report.accounts.filter { $0.account?.enabled == true }.map(\.id) : accounts
        let targets = try ids.map { try runtime.validAccount($0) }
        let coordinator = try runtime.coordinator(logger: Logger(label: "showrunner"), dryRun: dryRun)
        let printer = ProgressPrinter(accountIDs: ids)
        let (limit, revision) = (runtime.settings.maxConcurrentRuns, runtime.configRevision)
        let results = try await InterruptSignals.run { [self] in
            try await coordinator.whileRunning {
                try await runAll(targets, coordinator: coordinator, printer: printer, limit: limit, revision: revision)
            }
        }
        if format == .json { print(try JSONOutput.encode(results)) }
        if results.contains(where: { $0.status != RunStatus.succeeded.rawValue }) { throw ExitCode(1) }
    }

    /// Runs the accounts concurrently, at most `limit` at a time.
    private func runAll(
        _ targets: [(Account, Pipeline)], coordinator: RunCoordinator, printer: ProgressPrinter, limit: Int,
        revision: String?
    ) async throws -> [RunSummary] {
        var results: [RunSummary] = []
        try await withThrowingTaskGroup(of: RunSummary.self) { group in
            for (index, target) in targets.enumerated() {
                if index >= limit, let finished = try await group.next() { results.append(finished) }
                group.addTask {
                    try await runOne(
                        target.0, target.1, coordinator: coordinator, printer: printer, revision: revision)
                }
            }
            for try await finished in group { results.append(finished) }
        }
        return results
    }

    private func runOne(
        _ account: Account, _ mergedPipeline: Pipeline, coordinator: RunCoordinator, printer: ProgressPrinter,
        revision: String?
    ) async throws -> RunSummary {
        var observer: @Sendable (RunEvent) -> Void = { _ in }
        if format == .text { observer = printer.observer(for: account.id) }
        let submission = RunSubmission(
            account: account, mergedPipeline: mergedPipeline, trigger: .manual, scheduledAt: nil,
            configRevision: revision)
        let overlap = dryRun ? nil : account.schedule?.overlap ?? .skip
        let (run, outcome) = try await coordinator.runToEnd(
            submission, overlap: overlap, dryRun: dryRun, observer: observer)
        return RunSummary(account: account.id, run: run.id, outcome: outcome)
    }
}

/// One triggered run in `--format json`.
struct RunSummary: Encodable {
    let account: String
    let run: String
    let status: String
    let reason: String?

    init(account: String, run: String, outcome: RunOutcome?) {
        self.account = account
        self.run = run
        status = outcome?.status.rawValue ?? RunStatus.running.rawValue
        reason = outcome?.reason
    }
}
